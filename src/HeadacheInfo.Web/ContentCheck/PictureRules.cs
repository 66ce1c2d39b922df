using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace HeadacheInfo.Web.ContentCheck;

/// <summary>
/// What makes a picture fit for the site: its name, its size, its type read from the file's own first bytes
/// (not its name), decoded in full for a PNG, JPEG or WebP (<see cref="RasterPictures"/>), and for an SVG drawing, which is code, only the SVG elements and attributes a drawing needs
/// (no other namespace, script, animation, event attributes, outside references or DTD). The one set of rules for the content checker and for an upload in the editor.
/// </summary>
public static partial class PictureRules
{
    /// <summary>For a drawing, which is text; a photo is kept at web sizes instead (<see cref="MaxPhotoBytes"/>).</summary>
    public const int MaxBytes = 200 * 1024;

    /// <summary>
    /// A PNG, JPEG or WebP in the folder: the editor keeps photos at most 1,600 pixels wide, a few hundred KB as
    /// a JPEG, and a phone loads the smaller sizes beside it; this bounds a file put there by hand.
    /// </summary>
    public const int MaxPhotoBytes = 2 * 1024 * 1024;

    /// <summary>The types the site serves, by the name's ending.</summary>
    public static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["png"] = "image/png",
        ["jpg"] = "image/jpeg",
        ["jpeg"] = "image/jpeg",
        ["webp"] = "image/webp",
        ["svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A picture's file name: lowercase letters, numbers and single hyphens, then one of the endings.</summary>
    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\.(png|jpg|jpeg|webp|svg)$")]
    private static partial Regex Name();

    /// <summary>Every picture name an article's text mentions as <c>/images/name</c>: the pictures it would show.</summary>
    [GeneratedRegex(@"/images/([a-z0-9]+(?:-[a-z0-9]+)*\.(?:png|jpg|jpeg|webp|svg))(?![\w.-])")]
    public static partial Regex Reference();

    public static bool IsValidName(string name) => name.Length <= 100 && Name().IsMatch(name);

    /// <summary>The type the name says, or null for a name the site does not serve.</summary>
    public static string? ContentTypeOf(string name) =>
        IsValidName(name) ? ContentTypes[name[(name.LastIndexOf('.') + 1)..]] : null;

    /// <summary>Why a name will not do, or null.</summary>
    public static string? NameProblem(string label, string name) =>
        IsValidName(name)
            ? null
            : $"the picture '{label}' needs a name of lowercase letters, numbers and hyphens ending in .png, .jpg, .webp or .svg, such as neck-stretch.png";

    /// <summary>Why these bytes will not do as the picture called <paramref name="name"/>, or null.</summary>
    /// <param name="label">How the finding names the picture: its address in an article, or its name at upload.</param>
    public static string? ContentProblem(string label, string name, long size, Func<byte[]> read)
    {
        var photo = ContentTypes.GetValueOrDefault(name[(name.LastIndexOf('.') + 1)..].ToLowerInvariant()) is "image/png" or "image/jpeg" or "image/webp";
        if (size > (photo ? MaxPhotoBytes : MaxBytes))
        {
            return photo
                ? $"the image '{label}' is {size / 1024} KB; keep photos under {MaxPhotoBytes / 1024 / 1024} MB so the page loads quickly on a phone (the editor makes web sizes of a photo for you)"
                : $"the image '{label}' is {size / 1024} KB; keep pictures under {MaxBytes / 1024} KB so the page loads quickly on a phone";
        }

        var bytes = read();
        if (TypeProblem(label, name, bytes) is { } wrongType)
        {
            return wrongType;
        }

        var truly = TypeOf(bytes);
        return truly == "image/svg+xml" ? SvgProblem(label, bytes) : truly is null ? null : RasterPictures.Problem(label, truly, bytes);
    }

    /// <summary>Why the file is not the kind of picture its name says, read from its own first bytes, or null.</summary>
    public static string? TypeProblem(string label, string name, byte[] bytes)
    {
        var extension = name[(name.LastIndexOf('.') + 1)..].ToLowerInvariant();
        var says = ContentTypes.GetValueOrDefault(extension);
        var truly = TypeOf(bytes);
        if (says is not null && truly is not null && truly != says)
        {
            return $"the picture '{label}' is named .{extension} but the file is really {Describe(truly)}; give it the right ending";
        }

        if (says is not null && truly is null)
        {
            return $"the picture '{label}' is named .{extension} but the file is not {Describe(says)} (its first bytes say otherwise); save it again as {Describe(says)}";
        }

        return null;
    }

    /// <summary>The type the file's own first bytes show, or null when they show none the site serves.</summary>
    public static string? TypeOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']))
        {
            return "image/png";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return LooksLikeSvg(bytes) ? "image/svg+xml" : null;
    }

    private static string Describe(string type) => type switch
    {
        "image/png" => "a PNG",
        "image/jpeg" => "a JPEG",
        "image/webp" => "a WebP",
        _ => "an SVG drawing",
    };

    /// <summary>Text whose first element is &lt;svg&gt; (after any XML declaration, comments or a DTD, which are refused later).</summary>
    private static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var start = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 4096)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (start.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        return SvgStart().IsMatch(start);
    }

    [GeneratedRegex(@"^(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*<(?:[a-zA-Z_][\w.-]*:)?svg[\s>/]", RegexOptions.Singleline)]
    private static partial Regex SvgStart();

    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    /// <summary>
    /// The SVG elements a drawing may use: shapes, text, grouping, gradients, patterns, markers, clips, masks and
    /// filters. Everything else is refused, whatever its namespace: no script, foreignObject, meta, iframe or
    /// image (an XHTML <c>&lt;meta http-equiv="refresh"&gt;</c> sends a reader off-site from the clinic's own
    /// address). Animation is allowed only of the drawing attributes below, never of a link.
    /// </summary>
    private static readonly FrozenSet<string> SvgElements = FrozenSet.ToFrozenSet(
    [
        "svg", "g", "defs", "title", "desc", "symbol", "use", "switch", "a",
        "animate", "set", "animateTransform", "animateMotion", "mpath",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern", "marker", "clipPath", "mask", "style",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
        "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
        "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting",
        "feSpotLight", "feTile", "feTurbulence",
    ], StringComparer.Ordinal);

    /// <summary>
    /// The attributes a drawing may use, with no namespace, except <c>xml:space</c>/<c>xml:lang</c> and a local
    /// <c>href</c> (<c>#id</c>, plain or <c>xlink:</c>). No event handler, nothing that names an address.
    /// </summary>
    private static readonly FrozenSet<string> SvgAttributes = FrozenSet.ToFrozenSet(
    [
        "id", "class", "style", "lang", "tabindex", "role", "focusable", "version", "baseProfile",
        "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden",
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "dx", "dy", "rotate",
        "width", "height", "viewBox", "preserveAspectRatio", "transform", "d", "points", "pathLength",
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin",
        "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "color", "display", "visibility", "overflow",
        "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits", "maskContentUnits", "filter", "filterUnits", "primitiveUnits",
        "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient",
        "gradientUnits", "gradientTransform", "spreadMethod", "offset", "stop-color", "stop-opacity",
        "patternUnits", "patternContentUnits", "patternTransform",
        "font-family", "font-size", "font-weight", "font-style", "font-variant", "text-anchor", "dominant-baseline",
        "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing", "text-decoration", "writing-mode",
        "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
        "vector-effect", "shape-rendering", "text-rendering", "color-interpolation", "color-interpolation-filters",
        "paint-order", "mix-blend-mode", "isolation", "systemLanguage",
        "in", "in2", "result", "stdDeviation", "mode", "type", "values", "tableValues", "slope", "intercept", "amplitude",
        "exponent", "operator", "k1", "k2", "k3", "k4", "order", "kernelMatrix", "divisor", "bias", "targetX", "targetY",
        "edgeMode", "preserveAlpha", "surfaceScale", "diffuseConstant", "specularConstant", "specularExponent",
        "kernelUnitLength", "lighting-color", "flood-color", "flood-opacity", "scale", "xChannelSelector", "yChannelSelector",
        "radius", "baseFrequency", "numOctaves", "seed", "stitchTiles", "azimuth", "elevation", "z", "pointsAtX", "pointsAtY",
        "pointsAtZ", "limitingConeAngle", "media",
        "attributeName", "attributeType", "from", "to", "by", "begin", "dur", "end", "repeatCount", "repeatDur", "calcMode",
        "keyTimes", "keySplines", "keyPoints", "additive", "accumulate", "restart", "min", "max", "path",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Animations = FrozenSet.ToFrozenSet(["animate", "set", "animateTransform", "animateMotion"], StringComparer.Ordinal);

    private static readonly System.Xml.Linq.XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>
    /// An SVG picture is code, so it is read against an allow-list: only SVG-namespace elements and attributes
    /// a drawing needs, no other namespace, links only to <c>#id</c> inside the file, no style that loads
    /// anything from elsewhere, and no DTD, which can pull in files and expand without end.
    /// </summary>
    private static string? SvgProblem(string url, byte[] bytes)
    {
        System.Xml.Linq.XDocument svg;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings
            {
                DtdProcessing = System.Xml.DtdProcessing.Prohibit,
                XmlResolver = null,
            });
            svg = System.Xml.Linq.XDocument.Load(reader);
        }
        catch (System.Xml.XmlException ex)
        {
            var text = Encoding.UTF8.GetString(bytes);
            return text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || text.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase)
                ? $"the picture '{url}' is not a well-formed SVG file for this site (line {ex.LineNumber}): it has a DTD (<!DOCTYPE or <!ENTITY>), which a picture must not have"
                : $"the picture '{url}' is not a well-formed SVG file (line {ex.LineNumber}): {ex.Message}";
        }

        if (svg.DescendantNodes().OfType<System.Xml.Linq.XProcessingInstruction>().Any())
        {
            return $"the picture '{url}' has a processing instruction (<?...?>), which a picture must not have";
        }

        foreach (var element in svg.Descendants())
        {
            var name = element.Name.LocalName;
            if (element.Name.NamespaceName != SvgNamespace)
            {
                return $"the picture '{url}' contains <{name}> from outside SVG ({(element.Name.NamespaceName.Length == 0 ? "no namespace" : element.Name.NamespaceName)}); a picture may hold only SVG drawing elements";
            }

            // An animation can set a link after the file is checked: <set attributeName="href" to="https://...">.
            if (Animations.Contains(name) && element.Attribute("attributeName")?.Value.Trim() is { } animated &&
                (animated.Contains(':', StringComparison.Ordinal) || !SvgAttributes.Contains(animated) || animated is "href" or "style" or "attributeName"))
            {
                return animated.EndsWith("href", StringComparison.OrdinalIgnoreCase) &&
                    element.Attributes().FirstOrDefault(a => a.Name.LocalName is "to" or "values" or "from" or "by" && !a.Value.TrimStart().StartsWith('#')) is { } target
                    ? $"the picture '{url}' refers to '{target.Value}' outside itself; keep everything inside the SVG file"
                    : $"the picture '{url}' animates '{animated}' on <{name}>, which a picture on this site may not change";
            }

            if (!SvgElements.Contains(name))
            {
                return name is "script" or "foreignObject" or "iframe" or "embed" or "object"
                    ? $"the picture '{url}' contains <{name}>; a picture must not contain code or other documents"
                    : element.Attributes().FirstOrDefault(a => a.Name.LocalName == "href" && !a.Value.TrimStart().StartsWith('#')) is { } outside
                    ? $"the picture '{url}' refers to '{outside.Value}' outside itself; keep everything inside the SVG file"
                    : $"the picture '{url}' contains <{name}>, which a picture on this site may not use (only SVG drawing elements: no images, meta or other documents)";
            }

            foreach (var attribute in element.Attributes())
            {
                var attributeName = attribute.Name.LocalName;
                if (attribute.IsNamespaceDeclaration)
                {
                    continue;
                }

                if (attributeName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    return $"the picture '{url}' has an event attribute '{attributeName}' on <{name}>; a picture must not contain code";
                }

                if (attributeName == "href" && (attribute.Name.Namespace == XLink || attribute.Name.Namespace == System.Xml.Linq.XNamespace.None))
                {
                    if (!attribute.Value.TrimStart().StartsWith('#'))
                    {
                        return $"the picture '{url}' refers to '{attribute.Value}' outside itself; keep everything inside the SVG file";
                    }

                    continue;
                }

                var allowed = attribute.Name.Namespace == System.Xml.Linq.XNamespace.Xml
                    ? attributeName is "space" or "lang"
                    : attribute.Name.Namespace == System.Xml.Linq.XNamespace.None && SvgAttributes.Contains(attributeName);
                if (!allowed)
                {
                    return $"the picture '{url}' has the attribute '{attribute.Name.LocalName}'{(attribute.Name.NamespaceName.Length > 0 ? $" ({attribute.Name.NamespaceName})" : "")} on <{name}>, which a picture on this site may not use";
                }

                if (OutsideUrl().IsMatch(CssUnescaped(attribute.Value)))
                {
                    return $"the picture '{url}' loads something from outside itself in '{attributeName}'; keep everything inside the SVG file";
                }
            }

            if (name == "style" && CssUnescaped(element.Value) is var css && (css.Contains("@import", StringComparison.OrdinalIgnoreCase) || OutsideUrl().IsMatch(css)))
            {
                return $"the picture '{url}' has a style that loads something from outside itself; keep everything inside the SVG file";
            }
        }

        return null;
    }

    /// <summary>
    /// Any CSS <c>url(...)</c> that is not a reference inside the same file (<c>url(#id)</c>), and the functions
    /// that take an address as a plain string (<c>image-set("...")</c>, <c>image("...")</c>, <c>src("...")</c>).
    /// </summary>
    [GeneratedRegex(@"url\(\s*['""]?(?!#)|(?:image-set|image|src)\(\s*['""]", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideUrl();

    /// <summary>CSS with its escapes read as the browser reads them, so <c>\75 rl(</c> is seen as <c>url(</c>.</summary>
    private static string CssUnescaped(string css) =>
        css.Contains('\\', StringComparison.Ordinal) ? CssEscape().Replace(css, m => m.Groups[1].Success
            ? int.TryParse(m.Groups[1].Value, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code) && code is > 0 and <= 0x10FFFF && code is < 0xD800 or > 0xDFFF
                ? char.ConvertFromUtf32(code) : "\uFFFD"
            : m.Groups[2].Value) : css;

    [GeneratedRegex(@"\\(?:([0-9a-fA-F]{1,6})\s?|([^\r\n\f0-9a-fA-F]))")]
    private static partial Regex CssEscape();
}
