using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>What the checker and the site's own pipeline make of a text: the rendered article, or why it is left out, and the findings.</summary>
public sealed record DraftCheck(Article? Article, IReadOnlyList<CheckFinding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);
}
