namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Refuses front matter nested deeper than any article needs, before YAML parsing: the YAML reader builds
/// nested values by recursion, and thousands of <c>{</c> or <c>[</c>, or of ever deeper indented lines,
/// would overflow the stack and end the process, which .NET cannot catch. Front matter needs two levels
/// (a list of references); the limit is generous.
/// </summary>
public static class YamlNesting
{
    public const int MaxDepth = MarkdownNesting.MaxDepth;

    /// <returns>The line (1-based, within the YAML text) and reason when it nests too deeply, otherwise null.</returns>
    public static (int Line, string Reason)? TooDeep(string yaml)
    {
        var flowDepth = 0;
        var indents = new Stack<int>();
        var lineNumber = 0;
        foreach (var line in yaml.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var indent = line.Length - line.TrimStart(' ').Length;
            var rest = line[indent..];
            if (flowDepth == 0 && !rest.IsEmpty && rest[0] != '#')
            {
                // Block nesting: each line indented further than the one above it opens a level, and so
                // does each "- " or "? " that starts an entry inside the line ("- - - x").
                while (indents.Count > 0 && indents.Peek() >= indent)
                {
                    indents.Pop();
                }

                indents.Push(indent);
                var markers = 0;
                while (rest.Length >= 2 && rest[0] is '-' or '?' && rest[1] is ' ' or '\t')
                {
                    markers++;
                    rest = rest[2..].TrimStart(' ');
                }

                if (indents.Count + markers > MaxDepth)
                {
                    return (lineNumber, $"the front matter is nested more than {MaxDepth} levels deep; a field needs one or two");
                }
            }

            flowDepth = FlowDepthAfter(line, flowDepth);
            if (flowDepth > MaxDepth)
            {
                return (lineNumber, $"the front matter has '[' or '{{' nested more than {MaxDepth} deep; a field needs one or two");
            }
        }

        return null;
    }

    /// <summary>
    /// Counts '[' and '{' in and ']' and '}' out, leaving out quoted text and comments. A count that stays
    /// high past the limit is refused even if it is in plain text, which no article needs either.
    /// </summary>
    private static int FlowDepthAfter(ReadOnlySpan<char> line, int depth)
    {
        char? quote = null;
        var previous = ' ';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } open)
            {
                if (c == '\\' && open == '"')
                {
                    i++;
                }
                else if (c == open)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'' && previous is ' ' or '\t' or ':' or '-' or '[' or '{' or ',' or '?')
            {
                // A quote opens a quoted value only where a value starts; in "don't" it is just a letter.
                quote = c;
            }
            else if (c == '#' && previous is ' ' or '\t')
            {
                break;
            }
            else if (c is '[' or '{')
            {
                if (++depth > MaxDepth)
                {
                    return depth;
                }
            }
            else if (c is ']' or '}' && depth > 0)
            {
                depth--;
            }

            previous = c;
        }

        return depth;
    }
}
