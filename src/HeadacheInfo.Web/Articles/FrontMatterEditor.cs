using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Changes named fields of an article file's front matter and leaves every other byte as the author wrote it:
/// their formatting, their order, their body. A value is written by YamlDotNet's emitter as one double-quoted
/// line, so no text (a line break, a quote, "---") can end the field or the front matter.
/// </summary>
public static class FrontMatterEditor
{
    /// <summary>A YAML scalar for <paramref name="value"/>, double-quoted on one line.</summary>
    public static string Quote(string value)
    {
        using var writer = new StringWriter();
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new Scalar(null, null, value, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString().Trim();
    }

    /// <summary>
    /// The file with each field set: an existing top-level line (and any indented lines that continue it) is
    /// replaced where it stands; a missing field is added just before the closing <c>---</c>.
    /// </summary>
    /// <param name="fields">Field names and their values, already written as YAML (see <see cref="Quote"/>).</param>
    /// <returns>The new text, or null when the file does not start with front matter.</returns>
    public static string? Set(string text, IReadOnlyList<(string Key, string YamlValue)> fields)
    {
        // A lone CR is a line break to Markdig but not here: such a text is not edited rather than edited wrongly.
        if (text.Replace("\r\n", "\n", StringComparison.Ordinal).Contains('\r', StringComparison.Ordinal) || FrontMatterBlock.Find(text) is not { } block)
        {
            return null;
        }

        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var close = block.Close;

        foreach (var (key, value) in fields)
        {
            // A block value (a list) starts on the next line, so nothing follows the colon.
            var line = value.StartsWith('\n') ? $"{key}:{value}" : $"{key}: {value}";
            var at = lines.FindIndex(block.Open + 1, close - block.Open - 1, l => l.StartsWith(key + ":", StringComparison.Ordinal));
            if (at < 0)
            {
                lines.Insert(close, line);
                close++;
                continue;
            }

            lines[at] = line;
            // A value the author folded over several indented lines (or a list under it) goes with the line it belonged to.
            while (at + 1 < close && lines[at + 1].Length > 0 && (char.IsWhiteSpace(lines[at + 1][0]) || lines[at + 1].StartsWith("- ", StringComparison.Ordinal)))
            {
                lines.RemoveAt(at + 1);
                close--;
            }
        }

        var result = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            result.Append(lines[i]);
            if (i < lines.Count - 1)
            {
                result.Append(newline);
            }
        }

        return result.ToString();
    }
}
