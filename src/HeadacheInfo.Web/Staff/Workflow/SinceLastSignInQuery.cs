using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// What happened to a person's work since they last signed in, from the revision rows (who wrote what, by
/// <see cref="Authorship"/>) and the audit log (sign-ins, and changes to their account by someone else).
/// </summary>
public sealed class SinceLastSignInQuery(StaffDbContext database, StaffNames names)
{
    public const int Shown = 50;

    /// <param name="me">The person, as the editorial rules see them: a change sent by someone else is news to whoever may decide on it.</param>
    public async Task<SinceLastSignIn> ForAsync(EditorialActor me)
    {
        var email = me.Email;
        var key = email.Trim().ToLowerInvariant();
        // The latest sign-in is this session's own; the one before it is when they were last here.
        var signIns = await database.AuditEvents.AsNoTracking()
            .Where(e => e.Event == AuditEvents.SignIn && e.Actor == email)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.At).Take(2).ToListAsync();
        DateTimeOffset? since = signIns.Count == 2 ? signIns[1] : null;
        var from = since ?? DateTimeOffset.MinValue;

        var recent = await database.ArticleRevisions.AsNoTracking()
            .Where(r => r.At > from && r.Author != email)
            .OrderByDescending(r => r.Id).Take(500)
            .Select(r => new { r.Id, r.Slug, r.Action, r.Author, r.At, r.Note, r.SubjectRevisionId }).ToListAsync();
        var slugs = recent.Select(r => r.Slug).Distinct().ToList();
        var histories = (await database.ArticleRevisions.AsNoTracking().Where(r => slugs.Contains(r.Slug))
                .Select(r => new { r.Slug, Step = new RevisionStep(r.Id, r.Action, r.Author, r.SubjectRevisionId) }).ToListAsync())
            .GroupBy(r => r.Slug).ToDictionary(g => g.Key, g => g.Select(r => r.Step).OrderBy(s => s.Id).ToList(), StringComparer.Ordinal);
        var titles = await TitlesAsync(slugs);

        bool Wrote(IEnumerable<string> writers) => writers.Contains(email, StringComparer.OrdinalIgnoreCase);
        // Who wrote the change in progress, or the published text, as the history stood up to a revision.
        List<RevisionStep> Upto(string slug, long id) => [.. histories[slug].Where(s => s.Id <= id)];
        IReadOnlyList<string> ChangeUpTo(string slug, long id) => new Authorship(Upto(slug, id)).ChangeInProgress();
        IReadOnlyList<string> PublishedBefore(string slug, long id) => new Authorship(Upto(slug, id - 1)).Published();

        var name = await names.LoadAsync();
        var events = new List<WorkEvent>();
        foreach (var r in recent.Where(r => !string.Equals(r.Author, email, StringComparison.OrdinalIgnoreCase)))
        {
            var title = titles.GetValueOrDefault(r.Slug) ?? r.Slug;
            var who = name(r.Author);
            var mine = r.Action switch
            {
                RevisionActions.Returned or RevisionActions.Approved or RevisionActions.Scheduled when r.SubjectRevisionId is { } subject => Wrote(ChangeUpTo(r.Slug, subject)),
                // A cancellation points at the scheduled row, which points at the change that was sent.
                RevisionActions.ScheduleCancelled when histories[r.Slug].FirstOrDefault(s => s.Id == r.SubjectRevisionId)?.SubjectRevisionId is { } sent => Wrote(ChangeUpTo(r.Slug, sent)),
                RevisionActions.Discarded when r.SubjectRevisionId is { } dropped => Wrote(ChangeUpTo(r.Slug, dropped)),
                RevisionActions.Submitted or RevisionActions.Saved => Wrote(ChangeUpTo(r.Slug, r.Id - 1)),
                RevisionActions.Unpublished or RevisionActions.RolledBack or RevisionActions.Confirmed or RevisionActions.OutsideEdit => Wrote(PublishedBefore(r.Slug, r.Id)),
                _ => false,
            };
            WorkEvent? happened = r.Action switch
            {
                RevisionActions.Returned when mine => new("returned", r.Slug, title, $"{who} returned your change: \"{r.Note}\"", r.At),
                RevisionActions.Approved when mine => new("approved", r.Slug, title, $"{who} approved your change, and patients now see it.", r.At),
                RevisionActions.Scheduled when mine => new("scheduled", r.Slug, title, $"{who} approved your change to go live later. Until then patients see the version on the site now; the article's history says when.", r.At),
                RevisionActions.ScheduleCancelled when mine => new("schedule-cancelled", r.Slug, title, $"{who} cancelled the time your change was to go live, so it does not go live then. The version on the site stays.", r.At),
                RevisionActions.Discarded when mine => new("discarded", r.Slug, title, $"{who} discarded your draft. The version on the site stays as it was; the history keeps your text.", r.At),
                RevisionActions.Submitted when mine => new("sent", r.Slug, title, $"{who} sent your change for review.", r.At, r.Id),
                RevisionActions.Submitted when EditorialRules.Allows(EditorialAction.Decide, me, ChangeUpTo(r.Slug, r.Id)) => new("sent", r.Slug, title, $"{who} sent a change for review.", r.At, r.Id),
                RevisionActions.Saved when mine => new("edited", r.Slug, title, $"{who} saved a new version of your draft.", r.At),
                RevisionActions.Unpublished when mine => new("taken-down", r.Slug, title, $"{who} took your article off the site.", r.At),
                RevisionActions.RolledBack when mine => new("rolled-back", r.Slug, title, $"{who} put back an earlier version of your article.", r.At),
                RevisionActions.Confirmed when mine => new("confirmed", r.Slug, title, $"{who} confirmed your article is still accurate.", r.At),
                RevisionActions.OutsideEdit when mine => new("changed-outside", r.Slug, title, "Your article was changed in the content folder, outside the staff area.", r.At),
                _ => null,
            };
            if (happened is not null)
            {
                events.Add(happened);
            }
        }

        var audit = await database.AuditEvents.AsNoTracking()
            .Where(e => e.At > from && (e.Event == AuditEvents.AccountChanged || e.Event == AuditEvents.SignInFailed || e.Event == AuditEvents.LockedOut))
            .OrderByDescending(e => e.Id).Take(500).ToListAsync();
        foreach (var e in audit)
        {
            if (e.Event == AuditEvents.AccountChanged && e.Actor != email && NamesAccount(e.Detail, email))
            {
                events.Add(new("account-changed", null, "Your account", $"{name(e.Actor)} {e.Detail}.", e.At));
            }
        }

        var failed = audit.Where(e => e.Event is AuditEvents.SignInFailed or AuditEvents.LockedOut && e.Actor == key).ToList();
        if (failed.Count > 0)
        {
            events.Add(new("sign-in-failed", null, "Your account", failed.Count == 1
                ? "Someone tried to sign in to your account and failed. If it was not you, tell an admin."
                : $"{failed.Count} tries to sign in to your account failed. If they were not you, tell an admin.", failed.Max(e => e.At)));
        }

        return new SinceLastSignIn(since, [.. events.OrderByDescending(e => e.At).Take(Shown)]);
    }

    /// <summary>An article's title from its latest text (a return has none of its own).</summary>
    private async Task<Dictionary<string, string>> TitlesAsync(List<string> slugs)
    {
        var latest = await database.ArticleRevisions.AsNoTracking().Where(r => slugs.Contains(r.Slug) && r.Text != string.Empty)
            .GroupBy(r => r.Slug).Select(g => g.Max(r => r.Id)).ToListAsync();
        return (await database.ArticleRevisions.AsNoTracking().Where(r => latest.Contains(r.Id)).Select(r => new { r.Slug, r.Text }).ToListAsync())
            .ToDictionary(r => r.Slug, r => ArticleDraft.FromMarkdown(r.Text)?.Title ?? r.Slug, StringComparer.Ordinal);
    }

    /// <summary>An admin's line names the account it changed ("changed the role of a@b.example to ..."), as a whole word.</summary>
    private static bool NamesAccount(string detail, string email)
    {
        var at = detail.IndexOf(email, StringComparison.OrdinalIgnoreCase);
        return at >= 0 && (at == 0 || detail[at - 1] is ' ' or '"') &&
            (at + email.Length == detail.Length || detail[at + email.Length] is ' ' or '"' or '.' or ',');
    }
}
