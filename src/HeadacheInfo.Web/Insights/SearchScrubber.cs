using System.Text;
using HeadacheInfo.Web.Feedback;

namespace HeadacheInfo.Web.Insights;

/// <summary>
/// A search as it may be kept: e-mail addresses and phone numbers taken out by the feedback form's own cleaner
/// (<see cref="PageFeedback.Clean"/>, which also catches the disguised ones) with no mark left where they were,
/// then every remaining digit, so no date of birth, NHS number or house number survives; lower case, spaces
/// collapsed. Null when no word is left.
/// </summary>
public static class SearchScrubber
{
    public static string? Scrub(string? search)
    {
        if (PageFeedback.Clean(search)?.Replace(PageFeedback.Removed, " ", StringComparison.Ordinal) is not { } cleaned)
        {
            return null;
        }

        var kept = new StringBuilder(cleaned.Length);
        var space = false;
        foreach (var rune in cleaned.EnumerateRunes())
        {
            if (Rune.IsDigit(rune) || Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.OtherNumber)
            {
                continue;
            }

            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                space = kept.Length > 0;
                continue;
            }

            if (space)
            {
                kept.Append(' ');
                space = false;
            }

            kept.Append(Rune.ToLowerInvariant(rune).ToString());
        }

        var text = kept.ToString();
        if (text.Length > InsightCountModel.MaxKeyLength)
        {
            var cut = char.IsHighSurrogate(text[InsightCountModel.MaxKeyLength - 1]) ? InsightCountModel.MaxKeyLength - 1 : InsightCountModel.MaxKeyLength;
            text = text[..cut].TrimEnd();
        }

        // Only punctuation left ("+", "()"): nothing worth a row.
        return text.Any(char.IsLetter) ? text : null;
    }
}
