using System.Collections.Immutable;

namespace HeadacheInfo.Web.ContentCheck;

/// <summary>The checker's answer for a whole content folder.</summary>
public sealed record ContentCheckReport(string ContentRoot, ImmutableArray<FileCheck> Files)
{
    /// <summary>What was found about the articles together rather than in one file, such as a result no article suits.</summary>
    public ImmutableArray<CheckFinding> ContentFindings { get; init; } = [];

    public int Errors => Files.Sum(f => f.Errors) + ContentFindings.Count(f => f.Severity == FindingSeverity.Error);

    public int Warnings => Files.Sum(f => f.Warnings) + ContentFindings.Count(f => f.Severity == FindingSeverity.Warning);
}
