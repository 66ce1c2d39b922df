using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Web.Articles.Pictures;

/// <summary>
/// The widths a photo is kept at for the web, and how the smaller ones are named beside it. The picture an
/// article names (<c>/images/knee.jpg</c>) is the largest web size, so an address written by hand, the checker
/// and the mirror all see one ordinary file; the smaller sizes sit beside it as <c>knee-480.jpg</c> and
/// <c>knee-960.jpg</c>, made only when the photo is wider than they are (a photo is never made larger).
/// </summary>
public static class WebSizes
{
    /// <summary>The smaller widths, for phones and narrow windows; the largest size is the picture itself.</summary>
    public static readonly IReadOnlyList<int> Smaller = [480, 960];

    /// <summary>Wide enough for the article column on a high-density screen.</summary>
    public const int Largest = 1600;

    /// <summary>The widths to make from a photo this wide, smallest first: 4000 gives 480, 960, 1600; 600 gives 480, 600.</summary>
    public static IReadOnlyList<int> WidthsFor(int width)
    {
        var largest = Math.Min(width, Largest);
        return [.. Smaller.Where(w => w < largest), largest];
    }

    /// <summary>The file name of a smaller size: <c>knee.jpg</c> at 480 is <c>knee-480.jpg</c>.</summary>
    public static string SizeName(string name, int width)
    {
        var dot = name.LastIndexOf('.');
        return $"{name[..dot]}-{width}{name[dot..]}";
    }

    /// <summary>The names the smaller sizes of a picture would have (whether or not they exist).</summary>
    public static IEnumerable<string> SmallerNames(string name) =>
        PictureRules.IsValidName(name) && !name.EndsWith(".svg", StringComparison.Ordinal) ? Smaller.Select(w => SizeName(name, w)) : [];

    /// <summary>The picture a smaller size belongs to (<c>knee-480.jpg</c> → <c>knee.jpg</c>), or null for a name that is not one.</summary>
    public static string? SizeOf(string name)
    {
        foreach (var width in Smaller)
        {
            var suffix = $"-{width}";
            var dot = name.LastIndexOf('.');
            if (dot > suffix.Length && name.AsSpan(0, dot).EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..(dot - suffix.Length)] + name[dot..];
            }
        }

        return null;
    }
}
