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

/// <summary>The <c>Content:ReviewIntervalMonths</c> setting: how long an approved article goes before its next review.</summary>
public sealed class ReviewOptions
{
    [Range(1, 60, ErrorMessage = "Content:ReviewIntervalMonths must be a whole number of months from 1 to 60.")]
    public int ReviewIntervalMonths { get; set; } = 12;
}
