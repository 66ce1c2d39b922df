using System.Globalization;
using System.Text;
using HeadacheInfo.Web.Articles.Pictures;
using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Web.Staff.Pictures;

/// <summary>
/// The name a picture is kept under, made from whatever name it came with: a phone's <c>IMG_2034.JPG</c>, a
/// name with spaces, accents or a folder in it. Never refused for its name: lowercase letters, numbers and
/// single hyphens, then the ending (<c>img-2034.jpg</c>), and a number added when the name is taken.
/// </summary>
public static class PictureNames
{
    /// <summary>Room for the web sizes' <c>-960</c> and a clash's <c>-12</c> within the 100 characters a name may have.</summary>
    public const int MaxStem = 80;

    /// <summary>
    /// A safe name for <paramref name="given"/>; the ending is the given one in lowercase (<c>.jpeg</c> becomes
    /// <c>.jpg</c>), or the one its bytes show when it has none. An ending the site does not serve is kept, so
    /// the refusal can name it.
    /// </summary>
    public static string Normalise(string given, string? type)
    {
        var file = given.Replace('\\', '/');
        file = file[(file.LastIndexOf('/') + 1)..].Trim();
        var dot = file.LastIndexOf('.');
        var (stem, ending) = dot > 0 ? (file[..dot], file[(dot + 1)..].ToLowerInvariant()) : (file, string.Empty);
        if (ending.Length == 0 || !ending.All(char.IsAsciiLetterOrDigit))
        {
            ending = type switch { "image/png" => "png", "image/jpeg" => "jpg", "image/webp" => "webp", "image/svg+xml" => "svg", _ => "bin" };
        }

        ending = ending == "jpeg" ? "jpg" : ending;
        var safe = Stem(stem);
        // A name like "knee-480" would read as a web size of "knee": it gets a word of its own.
        if (WebSizes.SizeOf($"{safe}.{ending}") is not null)
        {
            safe += "-photo";
        }

        return $"{safe}.{ending}";
    }

    /// <summary>The name, or the first of name-2, name-3... that is free, with all its web sizes.</summary>
    public static async Task<string> FreeAsync(string name, Func<string, Task<bool>> taken)
    {
        var dot = name.LastIndexOf('.');
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? name : $"{name[..dot]}-{n}{name[dot..]}";
            var clash = false;
            foreach (var each in (string[])[candidate, .. WebSizes.SmallerNames(candidate)])
            {
                clash = clash || await taken(each);
            }

            if (!clash || n > 999)
            {
                return candidate;
            }
        }
    }

    /// <summary>
    /// The site runs with invariant globalization, where Normalize leaves "é" whole: the letters of Western
    /// European names are mapped here, so "Café" is "cafe", not "caf".
    /// </summary>
    private static string? Unaccented(char c)
    {
        foreach (var (plain, accented) in Accents)
        {
            if (accented.Contains(c, StringComparison.Ordinal))
            {
                return plain;
            }
        }

        return null;
    }

    private static readonly (string Plain, string Accented)[] Accents =
    [
        ("a", "àáâãäåāăą"), ("c", "çćčĉċ"), ("d", "ďđ"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"), ("i", "ìíîïĩīĭįı"),
        ("l", "ĺļľŀł"), ("n", "ñńņňŉ"), ("o", "òóôõöøōŏő"), ("r", "ŕŗř"), ("s", "śŝşš"), ("t", "ţťŧ"),
        ("u", "ùúûüũūŭůűų"), ("y", "ýÿŷ"), ("z", "źżž"), ("ss", "ß"), ("ae", "æ"), ("oe", "œ"), ("th", "þ"),
    ];

    private static string Stem(string text)
    {
        var words = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                words.Append(c);
            }
            else if (Unaccented(c) is { } plain)
            {
                words.Append(plain);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                words.Append(' ');
            }
        }

        var stem = string.Join('-', words.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        stem = stem.Length > MaxStem ? stem[..MaxStem].TrimEnd('-') : stem;
        return stem.Length == 0 ? "picture" : stem;
    }
}
