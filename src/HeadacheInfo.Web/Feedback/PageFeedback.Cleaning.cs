using System.Text.RegularExpressions;

namespace HeadacheInfo.Web.Feedback;

public sealed partial class PageFeedback
{
    /// <summary>What an address or a number is replaced with in a comment.</summary>
    public const string Removed = "[removed]";

    /// <summary>
    /// A comment with anything that looks like an email address or a phone number taken out, including the
    /// ways people write them to get past a filter: "jane dot doe at gmail dot com", "jane(at)gmail",
    /// a full-width or small at sign, "@@", "‹at›", percent or HTML escapes, letters spaced out one by one,
    /// numbers split by slashes, underscores, commas or any kind of dash, and phone numbers said in words.
    /// When in doubt it removes: a lost word costs less than a kept address.
    /// </summary>
    public static string? Clean(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return null;
        }

        var cleaned = EmailAddress().Replace(Normalised(comment).Trim(), Removed);
        cleaned = EmailWithAtSign().Replace(cleaned, Removed);
        cleaned = EmailSpelledOut().Replace(cleaned, Removed);
        cleaned = PhoneNumber().Replace(cleaned, match => OrdinaryNumbers().IsMatch(match.Value) ? match.Value : Removed);
        cleaned = PhoneInWords().Replace(cleaned, match => DigitsIn(match.Value) >= 7 ? Removed : match.Value);
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>
    /// The comment as a reader of it would see it, so a disguise cannot hide an address from the patterns:
    /// percent and HTML escapes decoded (<c>jane%40gmail.com</c>, <c>jane&amp;#64;gmail.com</c>, nested ones
    /// too, <c>&amp;#64</c> without its semicolon and <c>\x40</c>), invisible characters dropped, every kind of
    /// space made a space, every script's digits made 0-9, the words people put for "at" and "dot" made plain,
    /// and letters spaced out one by one joined up again. Not string.Normalize: the site runs with invariant
    /// globalization, where NFKC changes nothing.
    /// </summary>
    private static string Normalised(string comment)
    {
        var text = comment;
        for (var round = 0; round < 3; round++)
        {
            var decoded = Html5Names().Replace(System.Net.WebUtility.HtmlDecode(LooseEscapes().Replace(Uri.UnescapeDataString(text), Escaped)), match =>
                match.Groups[1].Value.ToLowerInvariant() switch { "commat" => "@", "period" => ".", "plus" => "+", "lowbar" => "_", _ => "-" });
            if (decoded == text)
            {
                break;
            }

            text = decoded;
        }

        text = Folded(text);
        text = DigitWordBesideDigit().Replace(text, match => DigitOf(match.Value));
        text = LetterO().Replace(text, match => match.Value.Count(char.IsAsciiDigit) >= 4 ? match.Value.Replace('o', '0').Replace('O', '0') : match.Value);
        text = SpokenAt().Replace(text, " at ");
        text = SpokenDot().Replace(text, " dot ");
        text = SpacesAroundAt().Replace(text, "@");
        text = SpacedDot().Replace(text, ".");
        return SpacedOut().Replace(text, match => match.Value.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    /// <summary>Format characters (zero-width and the like) out, spaces to " ", digits of any script to 0-9.</summary>
    private static string Folded(string text)
    {
        var folded = new System.Text.StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = System.Text.Rune.GetUnicodeCategory(rune);
            if (category == System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }

            if (System.Text.Rune.IsWhiteSpace(rune) && rune.Value is not ('\n' or '\r'))
            {
                folded.Append(' ');
            }
            else if (rune.Value > 0x7F && System.Text.Rune.GetNumericValue(rune) is var value && value is >= 0 and <= 9 && value == Math.Floor(value)
                && category is System.Globalization.UnicodeCategory.DecimalDigitNumber or System.Globalization.UnicodeCategory.OtherNumber)
            {
                folded.Append((char)('0' + (int)value));
            }
            else
            {
                folded.Append(rune.ToString());
            }
        }

        return folded.ToString();
    }

    private static string Escaped(Match match)
    {
        var hex = match.Groups[4].Success is false;
        var digits = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Success ? match.Groups[2].Value
            : match.Groups[3].Success ? match.Groups[3].Value : match.Groups[4].Value;
        return int.TryParse(digits, hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var code) && code is > 0 and < 0xD800
            ? ((char)code).ToString() : match.Value;
    }

    // \x40, \u0040, and &#64 or &#x40 without the semicolon WebUtility needs.
    [GeneratedRegex(@"\\x([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})|&#x([0-9a-fA-F]{1,4})(?![0-9a-fA-F;])|&#([0-9]{1,5})(?![0-9;])", RegexOptions.CultureInvariant)]
    private static partial Regex LooseEscapes();

    // The letter O written for a zero among the digits of a phone number: O77OO9OO123.
    [GeneratedRegex(@"[0-9oO]{7,}", RegexOptions.CultureInvariant)]
    private static partial Regex LetterO();

    // A digit said as a word with a digit beside it: 0seven7oo9.
    [GeneratedRegex(@"(?<=\d)(?:zero|one|two|three|four|five|six|seven|eight|nine)|(?:zero|one|two|three|four|five|six|seven|eight|nine)(?=\d)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DigitWordBesideDigit();

    private static string DigitOf(string word) => word.ToLowerInvariant() switch
    {
        "zero" => "0", "one" => "1", "two" => "2", "three" => "3", "four" => "4",
        "five" => "5", "six" => "6", "seven" => "7", "eight" => "8", _ => "9",
    };

    // -at-, _at_, ", at,", (a), (at sign), "at sign": all said "at".
    // Only before what reads as a domain, so "option (a) is better" stays as written.
    [GeneratedRegex(@"(?:\s*[\-_,]\s*at\s*[\-_,]\s*|\s*\(\s*(?:a|at\s*sign)\s*\)\s*|\s+at\s+sign\s+)(?=[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)?(?:[.]|[\s\-_,]+(?:dot|period)(?![\p{L}\p{N}])))",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SpokenAt();

    // -dot-, _dot_, ", dot,", "period": all said "dot".
    // "period" only after "at" and a word, so "the period of pain" stays as written.
    [GeneratedRegex(@"\s*[\-_,]\s*dot\s*[\-_,]\s*|(?<=\bat\s+[\p{L}\p{N}]+)\s+period\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SpokenDot();

    // "jane @ gmail" and "jane @gmail": the spaces around an at sign.
    [GeneratedRegex(@"[ \t]*[@\uFF20\uFE6B][ \t]*", RegexOptions.CultureInvariant)]
    private static partial Regex SpacesAroundAt();

    // "gmail . com": a dot with spaces on both sides, which a sentence never has.
    [GeneratedRegex(@"(?<=\w)[ \t]+\.[ \t]+(?=\w)", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedDot();

    // The HTML5 names for the characters of an address, which WebUtility (HTML 4) leaves as they are.
    [GeneratedRegex(@"&(commat|period|plus|lowbar|hyphen|dash);", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Html5Names();

    // "j a n e @ g m a i l . c o m": five or more single characters, each on its own between single spaces.
    // (A match runs to the end of the run, so the next search starts after it: linear without NonBacktracking,
    // which has no lookarounds.)
    [GeneratedRegex(@"(?<!\S)(?:\S ){4,}\S(?!\S)", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedOut();

    // A phone number said aloud: "oh seven seven double oh nine oh oh one two three". Kept unless it has
    // seven or more digits in all, so "one or two" and "three times" stay.
    [GeneratedRegex(@"\b(?:(?:double|triple)[\s\-]+)?(?:oh|zero|nought|nil|one|two|three|four|five|six|seven|eight|nine|\d)\b(?:[\s,\-]+(?:(?:double|triple)[\s\-]+)?(?:oh|zero|nought|nil|one|two|three|four|five|six|seven|eight|nine|\d)\b)+",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PhoneInWords();

    private static int DigitsIn(string spoken)
    {
        var digits = 0;
        var times = 1;
        foreach (var word in spoken.Split([' ', '\t', ',', '-', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            switch (word.ToLowerInvariant())
            {
                case "double":
                    times = 2;
                    break;
                case "triple":
                    times = 3;
                    break;
                default:
                    digits += times;
                    times = 1;
                    break;
            }
        }

        return digits;
    }

    [GeneratedRegex(@"[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    // The pieces of an address as people disguise it. A dot is ".", a full-width or ideographic full stop,
    // "dot" between spaces, or "dot" in brackets; an at is "@", its full-width (U+FF20) or small (U+FE6B)
    // form, or "at" in brackets. Neither kind of piece can start inside a word, so matching stays linear;
    // the non-backtracking engine makes sure of it.
    private const string Word = @"[\p{L}\p{N}_%+\-]+";
    private const string Dot = @"(?:[.\uFF0E\u3002]|\s*[(\[{<\u2039\u00AB]\s*dot\s*[)\]}>\u203A\u00BB]\s*|\s+dot\s+)";
    private const string AtSign = @"(?:[@\uFF20\uFE6B]+|\s*[(\[{<\u2039\u00AB]\s*at\s*[)\]}>\u203A\u00BB]\s*)";

    // jane@gmail, jane(at)gmail.com, jane [at] gmail [dot] com, jane\uFF20gmail.com: an at sign is enough.
    [GeneratedRegex(Word + "(?:" + Dot + Word + ")*" + AtSign + Word + "(?:" + Dot + Word + ")*",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex EmailWithAtSign();

    // jane dot doe at gmail dot com, jane.doe at gmail.com: "at" as a plain word is common English, so only
    // when a domain with a dot follows it.
    [GeneratedRegex(Word + "(?:" + Dot + Word + ")*" + @"\s+at\s+" + Word + @"(?: \p{L}+)?(?:" + Dot + Word + ")+",
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
