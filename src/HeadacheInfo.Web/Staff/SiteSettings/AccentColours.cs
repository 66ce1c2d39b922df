using System.Globalization;
using System.Text.RegularExpressions;

namespace HeadacheInfo.Web.Staff.SiteSettings;

/// <summary>
/// The accent colour's rule: WCAG 2.2 AA contrast (4.5:1, for text of any size) in every place site.css uses
/// <c>--accent</c>, so no clinic's brand can make a link or a button unreadable. Where the accent is a background
/// (buttons) the text on it is white; where it is text (links, the link-style buttons) the backgrounds are the
/// ones below. Borders and the checkbox tick need only 3:1, which 4.5:1 on every background already gives; focus
/// rings are yellow and black, never the accent.
/// </summary>
public static partial class AccentColours
{
    public const double MinimumContrast = 4.5;

    /// <summary>Where the accent meets another colour in site.css, and what that colour is.</summary>
    public static readonly IReadOnlyList<(string Place, string Colour)> Places =
    [
        ("white text on accent buttons", "#ffffff"),
        ("links on the page", "#ffffff"),
        ("links in the footer and the start-here box (--panel)", "#f3f5f7"),
        ("links in information care cards", "#eef5fb"),
        ("links in urgent care cards", "#fff8e5"),
        ("links in emergency care cards", "#fdf2f0"),
    ];

    [GeneratedRegex("^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")]
    private static partial Regex Hex();

    /// <summary>The colour as #rrggbb in lowercase, or null when it is not a hex colour.</summary>
    public static string? Normalise(string? text)
    {
        var match = Hex().Match(text?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        var digits = match.Groups[1].Value.ToLowerInvariant();
        return "#" + (digits.Length == 3 ? string.Concat(digits.Select(c => $"{c}{c}")) : digits);
    }

    /// <summary>The places where <paramref name="colour"/> (#rrggbb) falls short, with the contrast it has there.</summary>
    public static IReadOnlyList<(string Place, double Contrast)> Failures(string colour) =>
        [.. Places.Select(p => (p.Place, Contrast: Contrast(colour, p.Colour))).Where(p => p.Contrast < MinimumContrast)];

    /// <summary>
    /// The colour nearest to <paramref name="colour"/> that passes everywhere: the same hue and saturation, made
    /// only as much darker as it takes (every place is a light background, so darker is always the way).
    /// </summary>
    public static string Nearest(string colour)
    {
        var (h, s, l) = ToHsl(Rgb(colour));
        double low = 0, high = l;
        for (var i = 0; i < 30; i++)
        {
            var mid = (low + high) / 2;
            if (Failures(FromHsl(h, s, mid)).Count == 0)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        // Rounding to whole channels can land a hair short: step down until it passes.
        var nearest = FromHsl(h, s, low);
        while (Failures(nearest).Count > 0 && low > 0)
        {
            low = Math.Max(0, low - 0.002);
            nearest = FromHsl(h, s, low);
        }

        return nearest;
    }

    /// <summary>The hover and label shade: about two thirds of each channel, as site.css's own pair (#00548f, #003a63).</summary>
    public static string Darker(string colour)
    {
        var (r, g, b) = Rgb(colour);
        return Format(r * 0.69, g * 0.69, b * 0.69);
    }

    /// <summary>WCAG 2.2 contrast ratio of two #rrggbb colours, from 1 to 21.</summary>
    public static double Contrast(string one, string other)
    {
        var (a, b) = (Luminance(Rgb(one)), Luminance(Rgb(other)));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance((double R, double G, double B) c) =>
        (0.2126 * Linear(c.R)) + (0.7152 * Linear(c.G)) + (0.0722 * Linear(c.B));

    private static double Linear(double channel)
    {
        var v = channel / 255;
        return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
    }

    private static (double R, double G, double B) Rgb(string colour) => (
        int.Parse(colour.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(colour.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(colour.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static string Format(double r, double g, double b) => string.Create(CultureInfo.InvariantCulture,
        $"#{(int)Math.Round(Math.Clamp(r, 0, 255)):x2}{(int)Math.Round(Math.Clamp(g, 0, 255)):x2}{(int)Math.Round(Math.Clamp(b, 0, 255)):x2}");

    private static (double H, double S, double L) ToHsl((double R, double G, double B) c)
    {
        var (r, g, b) = (c.R / 255, c.G / 255, c.B / 255);
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var l = (max + min) / 2;
        if (max - min < 1e-9)
        {
            return (0, 0, l);
        }

        var d = max - min;
        var s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
        var h = max == r ? ((g - b) / d) + (g < b ? 6 : 0) : max == g ? ((b - r) / d) + 2 : ((r - g) / d) + 4;
        return (h / 6, s, l);
    }

    private static string FromHsl(double h, double s, double l)
    {
        if (s < 1e-9)
        {
            return Format(l * 255, l * 255, l * 255);
        }

        var q = l < 0.5 ? l * (1 + s) : l + s - (l * s);
        var p = (2 * l) - q;
        return Format(Hue(p, q, h + (1.0 / 3)) * 255, Hue(p, q, h) * 255, Hue(p, q, h - (1.0 / 3)) * 255);
    }

    private static double Hue(double p, double q, double t)
    {
        t = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
        return t < 1.0 / 6 ? p + ((q - p) * 6 * t) : t < 0.5 ? q : t < 2.0 / 3 ? p + ((q - p) * ((2.0 / 3) - t) * 6) : p;
    }
}
