using System.Collections.Immutable;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>One file under <c>content/articles/</c>, as the staff dashboard shows it.</summary>
public sealed record DashboardRow(
    string Slug,
    string File,
    string? Title,
    ArticleCategory? Category,
    string Status,
    string Review,
    DateOnly? LastReviewed,
    DateOnly? NextReview,
    ReadingGrade? Grade,
    ImmutableArray<CheckFinding> Findings,
    bool SignedOff = false)
{
    public const string Published = "published";
    public const string Draft = "draft";
    public const string LeftOut = "left-out";
    public const string Waiting = "waiting";
    public const string Returned = "returned";
    public const string OffSite = "off-site";
    public const string Scheduled = "scheduled";
    public const string ScheduledFailed = "scheduled-failed";

    /// <summary>Every status a row can have, in the order the filter offers them.</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> Statuses =
    [
        (Published, "Published"), (Draft, "Draft"), (Waiting, "Waiting for review"), (Returned, "Returned"), (OffSite, "Off the site"), (LeftOut, "Left out"),
        (Scheduled, "Scheduled"), (ScheduledFailed, "Scheduled, not published"),
    ];
    public const string ReviewOk = "ok";
    public const string ReviewDueSoon = "due-soon";
    public const string ReviewOverdue = "overdue";

    /// <summary>Published, and no clinician at this clinic has signed it off: patients are told so.</summary>
    public bool AwaitingSignOff => Status == Published && !SignedOff;

    /// <summary>The article behind the row, and its own checks, kept for the next snapshot while it is unchanged.</summary>
    internal Article? Article { get; init; }

    internal FileCheck? OnItsOwn { get; init; }
}
