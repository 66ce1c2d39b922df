using System.Text.RegularExpressions;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// A checker finding placed as the writer sees the article in the editor: a line of the body box, or the field
/// of the form it is about. The checker counts the lines of the whole file, whose front matter the editor shows
/// as separate boxes, so its line 14 may be the body's line 3.
/// </summary>
/// <param name="BodyLine">The line in the body box (1 for its first line); null when the finding is not in the body.</param>
/// <param name="Field">The front matter field the finding is in (such as <c>summary</c>); null when it is in the body or nowhere in particular.</param>
public sealed partial record WriterFinding(FindingSeverity Severity, int? BodyLine, string? Field, string Message)
{
    /// <summary>Where to look, in the words of the form: "line 3", "the Summary box", "the next_review field"; null when nowhere in particular.</summary>
    public string? Where => BodyLine is { } line ? $"line {line}"
        : Field is null ? null
        : FormBoxes.TryGetValue(Field, out var box) ? $"the {box} box"
        : Field.Length == 0 ? "the article's details"
        : $"the {Field} field";

    /// <summary>The front matter fields the form has a box for, by the box's label.</summary>
    private static readonly Dictionary<string, string> FormBoxes = new(StringComparer.Ordinal)
    {
        [ArticleFields.Title] = "Title",
        [ArticleFields.Summary] = "Summary",
        [ArticleFields.Category] = "Category",
        [ArticleFields.Order] = "Order",
        [ArticleFields.References] = "References",
        [ArticleFields.Author] = "Written by",
    };

    /// <summary>
    /// The findings on <paramref name="text"/> (the whole file that was checked), each placed in the body box or a field.
    /// The body box holds the file's body without its leading and trailing blank lines (<see cref="ArticleDraft.FromMarkdown"/>),
    /// so its first line is the body's first line with words on it.
    /// </summary>
    public static IReadOnlyList<WriterFinding> Place(IEnumerable<CheckFinding> findings, string text)
    {
        var file = ArticleFile.Read(text);
        if (file is null)
        {
            // No front matter: the editor shows the whole text in the body box, so the file's lines are the box's.
            return [.. findings.Select(f => new WriterFinding(f.Severity, f.Line, null, f.Message))];
        }

        var bodyStart = file.CloseLine + 1;
        while (bodyStart < file.Lines.Count && string.IsNullOrWhiteSpace(file.Lines[bodyStart]))
        {
            bodyStart++;
        }

        return [.. findings.Select(f => f.Line switch
        {
            null => new WriterFinding(f.Severity, null, null, f.Message),
            // Lines count from 1; the closing fence is at index CloseLine, so line CloseLine + 1.
            { } line when line <= file.CloseLine + 1 => new WriterFinding(f.Severity, null, FieldAt(file, line - 1), f.Message),
            { } line => new WriterFinding(f.Severity, Math.Max(1, line - bodyStart), null, f.Message),
        })];
    }

    /// <summary>The top-level field whose value runs over the line (0-based); empty for the fences and what no field holds.</summary>
    private static string FieldAt(ArticleFile file, int index)
    {
        for (var i = Math.Min(index, file.CloseLine - 1); i > ArticleFile.OpenLine; i--)
        {
            if (FieldStart().Match(file.Lines[i]) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        return string.Empty;
    }

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_-]*)\s*:")]
    private static partial Regex FieldStart();
}
