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
    /// The file with each field set: an existing field (found by the YAML reader, however its key is quoted,
    /// with every line its value runs over) is replaced where it stands; a missing one is added just before the
    /// closing <c>---</c>. Null when the front matter cannot be read, or when the result would not read back
    /// with the same fields: nothing is ever written that the site would then refuse.
    /// </summary>
    /// <param name="fields">Field names and their values, already written as YAML (see <see cref="Quote"/>).</param>
    public static string? Set(string text, IReadOnlyList<(string Key, string YamlValue)> fields)
    {
        // A lone CR is a line break to Markdig but not here: such a text is not edited rather than edited wrongly.
        if (text.Replace("\r\n", "\n", StringComparison.Ordinal).Contains('\r', StringComparison.Ordinal) || ArticleFile.Read(text) is not { } file)
        {
            return null;
        }

        var newline = file.Newline;
        var lines = file.Lines.ToList();
        var yaml = file.FrontMatter;
        const int open = ArticleFile.OpenLine;
        if (TopLevelFields(yaml) is not { } found || Read(yaml) is not { } before)
        {
            return null;
        }

        // Each field's lines, from the bottom up, so replacing one never moves the next.
        var replaced = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            replaced[key] = value.StartsWith('\n') ? $"{key}:{value}" : $"{key}: {value}";
        }

        foreach (var (key, first, last) in found.Where(f => replaced.ContainsKey(f.Key)).OrderByDescending(f => f.First))
        {
            lines.RemoveRange(open + 1 + first, last - first + 1);
            lines.Insert(open + 1 + first, replaced[key]);
            replaced.Remove(key);
        }

        // Replacing fields above it moved the closing fence by as many entries as the list grew or shrank.
        var close = file.CloseLine + lines.Count - file.Lines.Count;
        foreach (var (key, _) in fields.Where(f => replaced.ContainsKey(f.Key)))
        {
            lines.Insert(close++, replaced[key]);
        }

        var result = string.Join(newline, lines);
        var after = ArticleFile.Read(result) is { } edited ? Read(edited.FrontMatter) : null;
        return after is not null && SameContent(before, after, fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal)) ? result : null;
    }

    /// <summary>The top-level keys with the lines (0-based, within the YAML) each runs over, or null when it is not a mapping.</summary>
    private static List<(string Key, int First, int Last)>? TopLevelFields(string yaml)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
#pragma warning disable CA1031 // Any failure of the YAML library means the text is not edited, never a failed page.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return null;
        }

        if (stream.Documents is not [{ RootNode: YamlDotNet.RepresentationModel.YamlMappingNode mapping }])
        {
            return null;
        }

        var lines = yaml.Split('\n');
        var keys = mapping.Children.Keys.Select(k => (Key: (k as YamlDotNet.RepresentationModel.YamlScalarNode)?.Value ?? string.Empty, First: (int)k.Start.Line - 1)).ToList();
        return [.. keys.Select((k, i) =>
        {
            // A field runs to the next one, less the blank lines and comments between: those stay where the author put them.
            var last = (i + 1 < keys.Count ? keys[i + 1].First : lines.Length) - 1;
            while (last > k.First && (lines[last].Trim().Length == 0 || lines[last].TrimStart().StartsWith('#')))
            {
                last--;
            }

            return (k.Key, k.First, last);
        })];
    }

    private static ArticleFrontMatter? Read(string yaml) => FrontMatterReader.Read(yaml, "edit", 1, 1).FrontMatter;

    /// <summary>Every field that was not set reads back the same: setting one field never changes another.</summary>
    private static bool SameContent(ArticleFrontMatter before, ArticleFrontMatter after, HashSet<string> set) =>
        (set.Contains(ArticleFields.Title) || before.Title == after.Title) && (set.Contains(ArticleFields.Summary) || before.Summary == after.Summary) &&
        (set.Contains(ArticleFields.Category) || before.Category == after.Category) && (set.Contains(ArticleFields.Order) || before.Order == after.Order) &&
        (set.Contains(ArticleFields.Author) || before.Author == after.Author) && (set.Contains(ArticleFields.References) || before.References.SequenceEqual(after.References)) &&
        (set.Contains(ArticleFields.Reviewer) || before.Reviewer == after.Reviewer) && (set.Contains(ArticleFields.LastReviewed) || before.LastReviewed == after.LastReviewed) &&
        (set.Contains(ArticleFields.NextReview) || before.NextReview == after.NextReview) && (set.Contains(ArticleFields.Draft) || before.Draft == after.Draft) &&
        (set.Contains(ArticleFields.Changes) || before.Changes.SequenceEqual(after.Changes)) &&
        (set.Contains(ArticleFields.Suits) || before.Suits.SequenceEqual(after.Suits));
}
