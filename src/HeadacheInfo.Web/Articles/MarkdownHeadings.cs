namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Counts the lines that could become a heading, on the raw text before Markdig sees it. Markdig gives every
/// heading an id and finding a free id for many identical headings is quadratic work that cannot be interrupted,
/// so the count must never be under the real number: it looks through every container a heading can sit in
/// (quotes, list items, footnote definitions, grid table cells, any indentation) and counts every setext
/// underline ("===" or "---", so thematic breaks too). Over-counting only costs an article a few of its 250.
/// A line ends at LF, CR LF or a lone CR, as it does for Markdig.
/// </summary>
public static class MarkdownHeadings
{
    public static int CountCandidates(string text)
    {
        var count = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\n' or '\r'))
            {
                continue;
            }

            count += InLine(text.AsSpan(start, i - start));
            if (i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
        }

        return count;
    }

    private static int InLine(ReadOnlySpan<char> line)
    {
        var rest = line;
        while (true)
        {
            rest = rest.TrimStart(" \t");
            if (rest.IsEmpty)
            {
                return 0;
            }

            if (IsUnderline(rest) || IsAtxStart(rest))
            {
                return 1;
            }

            if (rest[0] == '|')
            {
                // A grid table cell holds blocks of its own: any cell of the row could start a heading.
                var cells = 0;
                foreach (var range in rest.Split('|'))
                {
                    cells += InLine(rest[range]);
                }

                return cells;
            }

            if (rest[0] == '>')
            {
                rest = rest[1..];
            }
            else if (rest[0] is '-' or '+' or '*' && (rest.Length == 1 || rest[1] is ' ' or '\t'))
            {
                rest = rest[1..];
            }
            else if (OrderedMarkerLength(rest) is > 0 and var length)
            {
                rest = rest[length..];
            }
            else if (rest.StartsWith("[^") && rest.IndexOf("]:") is > 1 and var close)
            {
                rest = rest[(close + 2)..];
            }
            else
            {
                return 0;
            }
        }
    }

    /// <summary>"===" or "---" with nothing after but spaces: a setext underline whenever a paragraph comes before.</summary>
    private static bool IsUnderline(ReadOnlySpan<char> rest)
    {
        var mark = rest[0];
        if (mark is not ('=' or '-'))
        {
            return false;
        }

        var body = rest.TrimEnd(" \t");
        return !body.ContainsAnyExcept(mark);
    }

    private static bool IsAtxStart(ReadOnlySpan<char> rest)
    {
        var hashes = 0;
        while (hashes < rest.Length && rest[hashes] == '#')
        {
            hashes++;
        }

        return hashes is >= 1 and <= 6 && (hashes == rest.Length || rest[hashes] is ' ' or '\t');
    }

    /// <summary>"1." or "1)" (up to nine digits) then a space or the line's end; zero when it is not one.</summary>
    private static int OrderedMarkerLength(ReadOnlySpan<char> rest)
    {
        var digits = 0;
        while (digits < rest.Length && digits < 10 && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 9 || digits >= rest.Length || rest[digits] is not ('.' or ')'))
        {
            return 0;
        }

        var end = digits + 1;
        return end == rest.Length || rest[end] is ' ' or '\t' ? end : 0;
    }
}
