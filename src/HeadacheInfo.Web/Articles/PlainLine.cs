namespace HeadacheInfo.Web.Articles;

/// <summary>
/// What a one-line field may not hold beyond line breaks: control characters (tab, form feed, ESC...), which
/// reach mail subjects and logs, and the characters that change the direction text is shown in (embeddings,
/// overrides, isolates and marks), which make a reviewer read other words than the ones saved, and every
/// invisible character (Unicode format characters such as U+200B, U+2060, U+FEFF, U+00AD and the tag
/// characters, the line and paragraph separators, and the Hangul fillers that show as a blank), which make two
/// different texts look the same. The one rule for every one-line field and for what mail may carry.
/// </summary>
public static class PlainLine
{
    public static bool IsHidden(char c) =>
        char.IsControl(c) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format
        || c is '\u2028' or '\u2029' or '\u3164' or '\u115F' or '\u1160' or '\uFFA0'
        // The first half of every tag character (U+E0000 to U+E007F) and of the supplementary variation selectors.
        || c == '\uDB40';

    /// <summary>The text with every such character taken out, keeping line breaks when <paramref name="keepLines"/>: for mail.</summary>
    public static string Strip(string text, bool keepLines = false)
    {
        if (text.AsSpan().IndexOfAny(Hidden) < 0)
        {
            return text;
        }

        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\uDB40' && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsHidden(c) || (keepLines && c is '\n' or '\r'))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>The first such character, or null when there is none.</summary>
    public static char? FirstHidden(string? value)
    {
        var at = value is null ? -1 : value.AsSpan().IndexOfAny(Hidden);
        return at < 0 ? null : value![at];
    }

    /// <summary>The message for a field holding one.</summary>
    public static string Problem(string name, char hidden) =>
        $"{name} must not contain control characters or text-direction overrides, nor invisible characters (it has U+{(int)hidden:X4}); type it as plain words.";

    private static readonly System.Buffers.SearchValues<char> Hidden = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(IsHidden)]);
}
