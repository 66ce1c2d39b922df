namespace HeadacheInfo.Web.Articles;

/// <summary>
/// What a one-line field may not hold beyond line breaks: control characters (tab, form feed, ESC...), which
/// reach mail subjects and logs, and the characters that change the direction text is shown in (embeddings,
/// overrides, isolates and marks), which make a reviewer read other words than the ones saved.
/// </summary>
public static class PlainLine
{
    public static bool IsHidden(char c) =>
        char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    /// <summary>The first such character, or null when there is none.</summary>
    public static char? FirstHidden(string? value)
    {
        var at = value is null ? -1 : value.AsSpan().IndexOfAny(Hidden);
        return at < 0 ? null : value![at];
    }

    /// <summary>The message for a field holding one.</summary>
    public static string Problem(string name, char hidden) =>
        $"{name} must not contain control characters or text-direction overrides (it has U+{(int)hidden:X4}); type it as plain words.";

    private static readonly System.Buffers.SearchValues<char> Hidden = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(IsHidden)]);
}
