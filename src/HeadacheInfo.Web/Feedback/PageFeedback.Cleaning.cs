using System.Text.RegularExpressions;

namespace HeadacheInfo.Web.Feedback;

public sealed partial class PageFeedback
{
    private const string Removed = "[removed]";

    /// <summary>
    /// A comment with anything that looks like an email address or a phone number taken out, including the
    /// ways people write them to get past a filter: "jane dot doe at gmail dot com", "jane(at)gmail",
    /// a full-width or small at sign, and numbers split by slashes, underscores, commas or any kind of dash.
    /// When in doubt it removes: a lost word costs less than a kept address.
    /// </summary>
    public static string? Clean(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return null;
        }

        var cleaned = EmailAddress().Replace(comment.Trim(), Removed);
        cleaned = EmailWithAtSign().Replace(cleaned, Removed);
        cleaned = EmailSpelledOut().Replace(cleaned, Removed);
        cleaned = PhoneNumber().Replace(cleaned, match => OrdinaryNumbers().IsMatch(match.Value) ? match.Value : Removed);
        return cleaned.Length == 0 ? null : cleaned;
    }

    [GeneratedRegex(@"[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    // The pieces of an address as people disguise it. A dot is ".", a full-width or ideographic full stop,
    // "dot" between spaces, or "dot" in brackets; an at is "@", its full-width (U+FF20) or small (U+FE6B)
    // form, or "at" in brackets. Neither kind of piece can start inside a word, so matching stays linear;
    // the non-backtracking engine makes sure of it.
    private const string Word = @"[\p{L}\p{N}_%+\-]+";
    private const string Dot = @"(?:[.\uFF0E\u3002]|\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+)";
    private const string AtSign = @"(?:[@\uFF20\uFE6B]|\s*[(\[{<]\s*at\s*[)\]}>]\s*)";

    // jane@gmail, jane(at)gmail.com, jane [at] gmail [dot] com, jane\uFF20gmail.com: an at sign is enough.
    [GeneratedRegex(Word + "(?:" + Dot + Word + ")*" + AtSign + Word + "(?:" + Dot + Word + ")*",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex EmailWithAtSign();

    // jane dot doe at gmail dot com, jane.doe at gmail.com: "at" as a plain word is common English, so only
    // when a domain with a dot follows it.
    [GeneratedRegex(Word + "(?:" + Dot + Word + ")*" + @"\s+at\s+" + Word + "(?:" + Dot + Word + ")+",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex EmailSpelledOut();

    // Seven or more digits (any script's), up to three separators between each: spaces, dots, brackets,
    // slashes, underscores, commas and every kind of dash, full-width forms included.
    [GeneratedRegex(@"[+\uFF0B]?[(\uFF08]?\d(?:[\s\-\u2010-\u2015\u2212\uFE63\uFF0D.\uFF0E/\uFF0F_,\uFF0C()\uFF08\uFF09]{0,3}\d){6,}",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PhoneNumber();

    // What a phone-shaped run of digits often is on a headache site, and is kept: a date (12/04/2025), pain
    // scores (8/10, 9/10, 7/10) or a list of years (2023, 2024).
    [GeneratedRegex(@"^(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|(?:\d{1,2}\s*/\s*10(?:[\s,;]+|$))+|(?:(?:19|20)\d\d(?:[\s,;]+|$))+)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex OrdinaryNumbers();
}
