namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Refuses Markdown nested deeper than any article needs. Parsing and rendering deeply nested quotes, lists,
/// brackets or care cards recurses, and a stack overflow ends a .NET process without any chance to catch
/// it, so the check runs on the raw text before Markdig sees it. A line ends at LF, CR LF or a lone CR,
/// as it does for Markdig.
/// </summary>
public static class MarkdownNesting
{
    public const int MaxDepth = 32;

    /// <returns>The line and reason when the text nests too deeply, otherwise null.</returns>
    public static (int Line, string Reason)? TooDeep(string text)
    {
        var line = 1;
        var bracketDepth = 0;
        var containerDepth = 0;
        var atLineStart = true;
        var blockDepth = 0;
        var indent = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                atLineStart = true;
                blockDepth = 0;
                indent = 0;
                continue;
            }

            if (atLineStart)
            {
                // Quote and list markers at the start of a line each open one more level.
                if (c == ' ')
                {
                    indent++;
                }
                else if (c == '\t')
                {
                    indent += 4;
                }
                else if (c == '>' || ((c is '-' or '*' or '+') && i + 1 < text.Length && text[i + 1] is ' ' or '\t'))
                {
                    blockDepth++;
                }
                else if (char.IsAsciiDigit(c))
                {
                    // "1." or "1)" before a space is an ordered list marker; anything else ends the markers.
                    var j = i;
                    while (j < text.Length && char.IsAsciiDigit(text[j]))
                    {
                        j++;
                    }

                    if (j + 1 < text.Length && text[j] is '.' or ')' && text[j + 1] is ' ' or '\t')
                    {
                        blockDepth++;
                        i = j;
                    }
                    else
                    {
                        atLineStart = false;
                    }
                }
                else if (c == ':' && ContainerFence(text, i) is { } fence)
                {
                    // "::: kind" opens a care card (or another container); a bare ":::" closes the innermost.
                    containerDepth = fence.Opens ? containerDepth + 1 : Math.Max(0, containerDepth - 1);
                    if (containerDepth > MaxDepth)
                    {
                        return (line, $"care cards (:::) are nested, or left open, more than {MaxDepth} deep");
                    }

                    atLineStart = false;
                    i = fence.End - 1;
                    continue;
                }
                else
                {
                    atLineStart = false;
                }

                if (blockDepth + (indent / 2) > MaxDepth)
                {
                    return (line, $"quotes or lists are nested more than {MaxDepth} deep");
                }

                if (atLineStart)
                {
                    continue;
                }
            }

            if (c == '\\')
            {
                i++; // an escaped character never opens or closes anything
            }
            else if (c == '[')
            {
                if (++bracketDepth > MaxDepth)
                {
                    return (line, $"square brackets are nested more than {MaxDepth} deep");
                }
            }
            else if (c == ']' && bracketDepth > 0)
            {
                bracketDepth--;
            }
        }

        return null;
    }

    /// <summary>A run of three or more colons at <paramref name="start"/>: whether text follows it on the line, and where the line ends.</summary>
    private static (bool Opens, int End)? ContainerFence(string text, int start)
    {
        var i = start;
        while (i < text.Length && text[i] == ':')
        {
            i++;
        }

        if (i - start < 3)
        {
            return null;
        }

        var opens = false;
        for (; i < text.Length && text[i] is not ('\n' or '\r'); i++)
        {
            opens |= !char.IsWhiteSpace(text[i]);
        }

        return (opens, i);
    }
}
