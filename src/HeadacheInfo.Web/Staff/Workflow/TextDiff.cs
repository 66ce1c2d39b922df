using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>Line-by-line comparison of two versions of an article's Markdown (DiffPlex).</summary>
public static class TextDiff
{
    /// <summary>Far more than an article has; past it a comparison costs more than it tells.</summary>
    public const int MaxLines = 5_000;

    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        before = before.Replace("\r\n", "\n", StringComparison.Ordinal);
        after = after.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (before.Count(c => c == '\n') > MaxLines || after.Count(c => c == '\n') > MaxLines)
        {
            return [new DiffLine(DiffLine.Same, $"(One of the versions has more than {MaxLines:N0} lines, too many to compare line by line.)")];
        }

        return
        [
            .. InlineDiffBuilder.Diff(before, after).Lines.Select(line => new DiffLine(
                line.Type switch { ChangeType.Inserted => DiffLine.Added, ChangeType.Deleted => DiffLine.Removed, _ => DiffLine.Same },
                line.Text ?? string.Empty)),
        ];
    }
}
