using System.Security.Cryptography;
using System.Text;

namespace HeadacheInfo.Editorial;

/// <summary>
/// An article file's text split into its front matter and its body, by its <c>---</c> lines alone: no Markdown
/// is parsed, so no body however hostile can make finding the front matter slow or throw. The one owner of the
/// file format's layout and of its two hashes (<see cref="ContentHash"/> and <see cref="SignOffHash(string)"/>).
/// </summary>
/// <remarks>
/// The first line is exactly <c>---</c>, and the front matter runs to the next line that is exactly <c>---</c>
/// or <c>...</c> (spaces or tabs may follow either), as in Markdig's YAML front matter and most Markdown tools.
/// Lines end at LF, CRLF or a lone CR. The site renders only the body (see <see cref="BodyInPlace"/>), so this
/// split, not a Markdown parser's, decides what is front matter.
/// </remarks>
public sealed class ArticleFile
{
    private ArticleFile(string text, string[] lines, int close)
    {
        Text = text;
        Lines = lines;
        CloseLine = close;
    }

    /// <summary>The file's text, exactly as read.</summary>
    public string Text { get; }

    /// <summary>The lines of the text, without their line breaks.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The line (0-based) of the opening <c>---</c>: always the first.</summary>
    public const int OpenLine = 0;

    /// <summary>The line (0-based) of the closing <c>---</c> or <c>...</c>.</summary>
    public int CloseLine { get; }

    /// <summary>The line (1-based, as people count) on which the YAML text starts.</summary>
    public static int FrontMatterFirstLine => OpenLine + 2;

    /// <summary>The YAML text between the fences, lines joined by LF.</summary>
    public string FrontMatter => string.Join('\n', Lines.Skip(OpenLine + 1).Take(CloseLine - OpenLine - 1));

    /// <summary>The body after the closing fence, lines joined by LF.</summary>
    public string Body => string.Join('\n', Lines.Skip(CloseLine + 1));

    /// <summary>
    /// The text with every line of the front matter, fences included, left empty: the body where it stands, for a
    /// Markdown parser to render without ever seeing the front matter, and to count lines as the file does.
    /// </summary>
    public string BodyInPlace => new string('\n', CloseLine + 1) + Body;

    /// <summary>The line break the file mostly uses: CRLF when it has any, LF otherwise.</summary>
    public string Newline => Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    /// <summary>The file split, or null when it does not start with a front matter block closed by a fence.</summary>
    public static ArticleFile? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = SplitLines(text);
        if (lines.Length == 0 || !IsFence(lines[0], '-'))
        {
            return null;
        }

        var close = Array.FindIndex(lines, 1, IsClosingFence);
        if (close < 0)
        {
            return null;
        }

        return new ArticleFile(text, lines, close);
    }

    /// <summary>A whole file: the fields (values already written as YAML) between the fences, a blank line, the body.</summary>
    public static string Compose(IEnumerable<(string Key, string YamlValue)> fields, string body)
    {
        var text = new StringBuilder("---\n");
        foreach (var (key, value) in fields)
        {
            text.Append(key).Append(": ").Append(value).Append('\n');
        }

        return text.Append("---\n\n").Append(body).Append('\n').ToString();
    }

    /// <summary>
    /// The hash of a text as a whole, line breaks aside: what a draft was based on, what a publication carries,
    /// to notice that a text changed. The empty string stands for no text.
    /// </summary>
    public static string ContentHash(string? text) =>
        text is null ? string.Empty : Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal))), 12);

    /// <summary>
    /// The hash of what a clinician signs off: the article's address and every line of its file but the review
    /// fields' (<see cref="ArticleFields.Review"/>). A sign-off writes it beside the reviewer; an edit made
    /// afterwards, or a copy under another address, no longer matches.
    /// </summary>
    public string SignOffHash(string slug)
    {
        var kept = Lines.Where((line, i) => i <= OpenLine || i >= CloseLine || !ArticleFields.Review.Any(field => line.StartsWith(field + ":", StringComparison.Ordinal)));
        return Hex(SHA256.HashData(Encoding.UTF8.GetBytes(slug + "\n" + string.Join('\n', kept))), 16);
    }

    /// <summary>The sign-off hash of a text, or null when it has no front matter.</summary>
    public static string? SignOffHash(string slug, string text) => Read(text)?.SignOffHash(slug);

    /// <summary>The text's lines, each line break (LF, CRLF or a lone CR) removed.</summary>
    public static string[] SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    private static bool IsClosingFence(string line) => IsFence(line, '-') || IsFence(line, '.');

    /// <summary>Exactly three <paramref name="mark"/> characters, then only spaces or tabs.</summary>
    private static bool IsFence(string line, char mark) =>
        line.Length >= 3 && line[0] == mark && line[1] == mark && line[2] == mark && line.AsSpan(3).TrimEnd(" \t").IsEmpty;

    private static string Hex(byte[] hash, int bytes) => Convert.ToHexString(hash.AsSpan(0, bytes)).ToLowerInvariant();
}
