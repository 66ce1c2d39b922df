using System.Text.RegularExpressions;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// The rule for article slugs: the file name without <c>.md</c>, lowercase <c>a-z</c>, <c>0-9</c> and
/// single hyphens. The same rule guards the URL, so nothing outside it ever reaches the file system.
/// </summary>
public static partial class Slug
{
    public const int MaxLength = 100;

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(value);

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
