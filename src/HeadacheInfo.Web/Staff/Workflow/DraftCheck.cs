using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>What the checker and the site's own pipeline make of a text: the rendered article, or why it is left out, and the findings.</summary>
public sealed record DraftCheck(Article? Article, IReadOnlyList<CheckFinding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);
}
