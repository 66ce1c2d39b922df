using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Feedback;
using HeadacheInfo.Web.Site;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>
/// The content dashboard: every article in every state (published, draft, waiting, returned, off the site,
/// left out), the signed-in person's own work at the top, sortable and filterable by plain links.
/// </summary>
public sealed class IndexModel(
    IServiceProvider services, StaffWorkQueries work, UserManager<StaffUser> users, TimeProvider time, PageFeedback feedback,
    IAuthorizationService authorization)
    : PageModel
{
    /// <summary>The columns a link can sort by (<c>?sort=next-review</c>).</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> Sorts =
    [
        ("title", "Article"), ("status", "Status"), ("grade", "Reading grade"), ("last-reviewed", "Last reviewed or updated"),
        ("next-review", "Next review"), ("no-answers", "Helpful?"),
    ];

    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public StaffDashboard Dashboard { get; private set; } = new([], DateOnly.MinValue);

    public IReadOnlyList<DashboardEntry> Entries { get; private set; } = [];

    /// <summary>How many articles are in each state, before the filter.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public StaffWork Work { get; private set; } = new([], [], [], 0);

    /// <summary>The filter named a state there is none of: every article is shown instead, and the page says so.</summary>
    public bool UnknownStatus { get; private set; }

    /// <summary>Yes and no answers per article over the last 90 days.</summary>
    public IReadOnlyDictionary<string, (int Yes, int No)> Feedback { get; private set; } = new Dictionary<string, (int Yes, int No)>();

    /// <summary>Readers' "No" comments nobody has closed yet, per article.</summary>
    public IReadOnlyDictionary<string, int> OpenFeedback { get; private set; } = new Dictionary<string, int>();

    /// <summary>The first day the counts include: <see cref="PageFeedback.DaysShown"/> days, today among them.</summary>
    public DateOnly FeedbackSince { get; private set; }

    /// <summary>The signed-in person may cancel a change approved for later.</summary>
    public bool CanCancelSchedule { get; private set; }

    /// <summary>The signed-in person may cancel a take-down date.</summary>
    public bool CanCancelTakeDown { get; private set; }

    /// <summary>The clinic's time zone, in which scheduled times are shown.</summary>
    public TimeZoneInfo ClinicZone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>
    /// How many enabled accounts may sign off a change. Four eyes need two: with one, nothing another person
    /// could approve is written by that one, so the dashboard says how to bring in a second reviewer.
    /// </summary>
    public int Reviewers { get; private set; }

    public async Task OnGetAsync()
    {
        Feedback = await feedback.CountsAsync(time.UtcToday());
        FeedbackSince = PageFeedback.FirstDayCounted(time.UtcToday());
        OpenFeedback = await feedback.OpenCountsAsync();
        var snapshot = ContentStore.For(HttpContext);
        Dashboard = await StaffDashboardPart.ForAsync(snapshot, services);
        var changes = await work.InProgressAsync();
        var schedules = await work.ScheduledAsync();
        ClinicZone = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HeadacheInfo.Web.Clinic.ClinicOptions>>().Value.FindZone();
        var me = await users.GetUserAsync(User);
        CanCancelSchedule = await authorization.MayAsync(User, EditorialAction.CancelSchedule);
        CanCancelTakeDown = await authorization.MayAsync(User, EditorialAction.ScheduleTakeDown);
        Reviewers = (await users.GetUsersInRoleAsync(HeadacheInfo.Web.Staff.Accounts.StaffRoles.Reviewer)).Count(u => !u.Disabled);
        Work = me is null ? Work : await work.ForAsync(await EditorialActors.ForAsync(users, me));

        var files = Dashboard.Rows.ToDictionary(r => r.Slug, StringComparer.Ordinal);
        var all = files.Keys.Union(changes.Keys, StringComparer.Ordinal).Union(schedules.Keys, StringComparer.Ordinal).Select(slug =>
        {
            var file = files.GetValueOrDefault(slug);
            var change = changes.GetValueOrDefault(slug);
            var schedule = schedules.GetValueOrDefault(slug);
            var status = change is { Status: ChangeStatus.Draft or ChangeStatus.Waiting or ChangeStatus.Returned } ? change.Status
                : schedule is { PublishPending: true } ? schedule.State.ScheduleProblem is null ? DashboardRow.Scheduled : DashboardRow.ScheduledFailed
                : file?.Status ?? DashboardRow.OffSite;
            return new DashboardEntry(slug, file?.Title ?? change?.Title ?? schedule?.Title ?? slug, status, file, change, schedule);
        }).ToList();
        Counts = DashboardRow.Statuses.ToDictionary(s => s.Key, s => all.Count(e => e.Status == s.Key));
        UnknownStatus = Status is { Length: > 0 } && !Counts.ContainsKey(Status);
        Entries = [.. Sorted(Status is { Length: > 0 } only && !UnknownStatus ? all.Where(e => e.Status == only) : all)];
    }

    /// <summary>
    /// A file's checker findings placed as the editor shows the article: a line of the body box, or the box of
    /// the field it is about. A file left out has no editor, so its lines stay the file's.
    /// </summary>
    public IReadOnlyList<WriterFinding> Findings(DashboardRow row) =>
        row.Status != DashboardRow.LeftOut && row.Findings.Any(f => f.Line is not null) &&
        services.GetRequiredService<IArticleFileStore>().Read(row.Slug).Text is { } text
            ? WriterFinding.Place(row.Findings, text)
            : [.. row.Findings.Select(f => new WriterFinding(f.Severity, f.Line, null, f.Message))];

    private IEnumerable<DashboardEntry> Sorted(IEnumerable<DashboardEntry> entries) => Sort switch
    {
        "title" => entries.OrderBy(e => e.Title, StringComparer.OrdinalIgnoreCase),
        "status" => entries.OrderBy(e => StatusOrder(e.Status)).ThenBy(e => e.Title, StringComparer.OrdinalIgnoreCase),
        "grade" => entries.OrderByDescending(e => e.File?.Grade?.Grade ?? -1),
        "last-reviewed" => entries.OrderBy(e => e.File?.LastReviewed ?? DateOnly.MaxValue),
        "next-review" => entries.OrderBy(e => e.File?.NextReview ?? DateOnly.MaxValue),
        // "no" is the short form of the same sort: most "No" answers first.
        "no-answers" or "no" => entries.OrderByDescending(e => Feedback.GetValueOrDefault(e.Slug).No)
            .ThenByDescending(e => OpenFeedback.GetValueOrDefault(e.Slug)).ThenBy(e => e.Title, StringComparer.OrdinalIgnoreCase),
        // What needs someone first: published without a clinician's sign-off, then changes waiting, returned,
        // being written; then reviews overdue and due; then the rest as the files sort.
        _ => entries.OrderBy(e => e.AwaitingSignOff ? 0 : 1)
            .ThenBy(e => e.Status switch { DashboardRow.Waiting => 0, DashboardRow.ScheduledFailed => 0, DashboardRow.Returned => 1, DashboardRow.Draft => 2, DashboardRow.LeftOut => 3, _ => 4 })
            .ThenBy(e => e.File?.Review switch { DashboardRow.ReviewOverdue => 0, DashboardRow.ReviewDueSoon => 1, _ => 2 })
            .ThenBy(e => e.File?.File ?? e.Slug, StringComparer.Ordinal),
    };

    private static int StatusOrder(string status) =>
        DashboardRow.Statuses.Select((s, i) => (s.Key, i)).FirstOrDefault(s => s.Key == status).i;

    public static string StatusName(string status) =>
        DashboardRow.Statuses.FirstOrDefault(s => s.Key == status).Name ?? status;
}
