using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace HeadacheInfo.Web.Staff;

/// <summary>One line of a comparison: added, removed or the same, with its text.</summary>
public sealed record DiffLine(string Kind, string Text)
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Same = "same";

    /// <summary>A sign in front of the line, so the change is clear without colour: + added, - removed.</summary>
    public string Sign => Kind switch { Added => "+", Removed => "-", _ => " " };
}

/// <summary>Line-by-line comparison of two versions of an article's Markdown (DiffPlex).</summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffLine> Lines(string before, string after) =>
    [
        .. InlineDiffBuilder.Diff(before.Replace("\r\n", "\n", StringComparison.Ordinal), after.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Lines.Select(line => new DiffLine(
                line.Type switch { ChangeType.Inserted => DiffLine.Added, ChangeType.Deleted => DiffLine.Removed, _ => DiffLine.Same },
                line.Text ?? string.Empty)),
    ];
}
