using System.Collections.Immutable;

namespace HeadacheInfo.Web.ContentCheck;

/// <summary>What the checker found in one file. <see cref="Grade"/> is there when the file could be read.</summary>
public sealed record FileCheck(string File, ReadingGrade? Grade, ImmutableArray<CheckFinding> Findings)
{
    public int Errors => Findings.Count(f => f.Severity == FindingSeverity.Error);

    public int Warnings => Findings.Count(f => f.Severity == FindingSeverity.Warning);
}
