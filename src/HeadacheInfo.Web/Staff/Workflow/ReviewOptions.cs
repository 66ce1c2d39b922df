using System.ComponentModel.DataAnnotations;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>The <c>Content:ReviewIntervalMonths</c> setting: how long an approved article goes before its next review.</summary>
public sealed class ReviewOptions
{
    [Range(1, 60, ErrorMessage = "Content:ReviewIntervalMonths must be a whole number of months from 1 to 60.")]
    public int ReviewIntervalMonths { get; set; } = 12;
}
