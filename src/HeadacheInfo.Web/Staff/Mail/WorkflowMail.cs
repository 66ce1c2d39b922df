using System.Globalization;
using System.Text;
using HeadacheInfo.Web.Site;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Mail;

/// <summary>
/// Queues the e-mail a workflow action tells of, in the action's own transaction: the workflow calls it, and
/// the rows commit or roll back with the action. Nothing here talks to a mail server. With
/// <c>Email:Smtp:Host</c> unset it queues nothing.
/// </summary>
public sealed class WorkflowMail(StaffDbContext database, IOptions<EmailOptions> options, MailLinks links, TimeProvider time, StaffNames names)
{
    /// <summary>A change was sent for review: every reviewer who wrote none of it.</summary>
    internal async Task SentForReviewAsync(ArticleRevision submitted)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var writers = await WritersAsync(submitted.Slug);
        var title = TitleOf(submitted);
        var sender = Plain((await names.LoadAsync())(submitted.Author));
        foreach (var reviewer in await ReviewersAsync(MailKinds.Sent))
        {
            if (writers.Contains(reviewer, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            Queue(MailKinds.Sent, reviewer, $"Waiting for your review: {title}",
                $"A change to \"{title}\" was sent for review by {sender}. Patients do not see it until a reviewer who did not write it approves it.",
                "Review it here:", links.Review(submitted.Id), "you are a reviewer");
        }
    }

    /// <summary>A change was returned: its authors, with the reviewer's comment.</summary>
    internal async Task ReturnedAsync(ArticleRevision submitted, ArticleRevision returned)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var title = TitleOf(submitted);
        var reviewer = Plain((await names.LoadAsync())(returned.Author));
        foreach (var author in await AuthorsAsync(submitted.Slug, MailKinds.Returned))
        {
            Queue(MailKinds.Returned, author, $"Returned to you: {title}",
                $"{reviewer} returned your change to \"{title}\". They said:\n\n{Quoted(returned.Note)}",
                "Open it in the editor:", links.Edit(submitted.Slug), "you wrote part of this change");
        }
    }

    /// <summary>A change was approved and published: its authors. Called before the approval is saved, while they are still its writers.</summary>
    /// <param name="goesLive">For an approval to go live later: when, in the clinic's words; null when published now.</param>
    internal async Task ApprovedAsync(ArticleRevision submitted, StaffUser reviewer, string? comment, string? goesLive = null)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var title = TitleOf(submitted);
        var approver = Plain((await names.LoadAsync())(reviewer.Email));
        var said = string.IsNullOrWhiteSpace(comment) ? string.Empty : $" They said:\n\n{Quoted(comment)}";
        foreach (var author in await AuthorsAsync(submitted.Slug, MailKinds.Approved))
        {
            Queue(MailKinds.Approved, author, goesLive is null ? $"Approved and published: {title}" : $"Approved to go live on {goesLive}: {title}",
                goesLive is null
                    ? $"{approver} approved your change to \"{title}\", and patients now see it.{said}"
                    : $"{approver} approved your change to \"{title}\". Patients will see it from {goesLive}.{said}",
                "See it as patients do:", links.Article(submitted.Slug), "you wrote part of this change");
        }
    }

    /// <summary>
    /// The weekly list of articles overdue or due for review, to every reviewer, once a week: the week's row
    /// and the messages commit together, and a second instance trying the same week fails on the row's key.
    /// </summary>
    internal async Task<bool> QueueDigestIfDueAsync(StaffDashboard dashboard)
    {
        if (!options.Value.Enabled)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var week = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        if (await database.MailDigestWeeks.AnyAsync(w => w.WeekOf == week))
        {
            return false;
        }

        var due = dashboard.Rows.Where(r => r.Status != DashboardRow.LeftOut && r.Review is DashboardRow.ReviewOverdue or DashboardRow.ReviewDueSoon)
            .OrderBy(r => r.NextReview).ToList();
        await using var transaction = await database.Database.BeginTransactionAsync();
        database.MailDigestWeeks.Add(new MailDigestWeek { WeekOf = week, QueuedAt = now });
        if (due.Count > 0)
        {
            var list = new StringBuilder();
            foreach (var row in due)
            {
                var when = row.Review == DashboardRow.ReviewOverdue ? $"review overdue since {row.NextReview?.Readable()}" : $"review due by {row.NextReview?.Readable()}";
                list.Append(CultureInfo.InvariantCulture, $"- {Plain(row.Title ?? row.Slug)}: {when}\n  {links.History(row.Slug)}\n");
            }

            foreach (var reviewer in await ReviewersAsync(MailKinds.Digest))
            {
                Queue(MailKinds.Digest, reviewer, due.Count == 1 ? "1 article is due for review" : $"{due.Count} articles are due for review",
                    $"These articles are past their review date or due within {HeadacheInfo.Web.ContentCheck.ContentChecker.ReviewDueSoonDays} days. " +
                    "Open each one's history page to confirm it is still accurate, or edit it.\n\n" + list,
                    null, null, "you are a reviewer");
            }
        }

        try
        {
            await database.SaveChangesAsync();
            await transaction.CommitAsync();
            return due.Count > 0;
        }
        catch (DbUpdateException)
        {
            // Another instance queued this week's digest at the same moment: theirs goes, not this one.
            database.ChangeTracker.Clear();
            return false;
        }
    }

    private void Queue(string kind, string to, string subject, string lead, string? action, string? link, string why)
    {
        var body = new StringBuilder(lead).Append("\n\n");
        if (action is not null)
        {
            body.Append(action).Append('\n').Append(link).Append("\n\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"You get this e-mail because {why}. To stop this kind, untick it on your account page:\n{links.Account()}\n");
        var now = time.GetUtcNow();
        database.MailOutbox.Add(new OutboxMail
        {
            Kind = kind,
            To = to,
            Subject = Limit(Plain(subject), 300),
            Body = Limit(body.ToString(), 20000),
            QueuedAt = now,
            NextAttemptAt = now,
        });
    }

    /// <summary>Everyone who wrote part of the change in progress (see <see cref="Authorship"/>).</summary>
    private async Task<IReadOnlyList<string>> WritersAsync(string slug) =>
        (await ArticleQueries.ContributorsAsync(database, [slug])).GetValueOrDefault(slug) ?? [];

    /// <summary>The writers of the change in progress whose accounts are enabled and want this kind.</summary>
    private async Task<List<string>> AuthorsAsync(string slug, string kind)
    {
        var normalised = (await WritersAsync(slug)).Select(w => w.ToUpperInvariant()).ToList();
        return await database.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail != null && normalised.Contains(u.NormalizedEmail) && !u.Disabled && u.Email != null &&
                !database.MailOptOuts.Any(o => o.UserId == u.Id && o.Kind == kind))
            .OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync();
    }

    /// <summary>Every enabled reviewer who wants this kind.</summary>
    private async Task<List<string>> ReviewersAsync(string kind) =>
        await (from user in database.Users.AsNoTracking()
               join link in database.UserRoles on user.Id equals link.UserId
               join role in database.Roles on link.RoleId equals role.Id
               where role.Name == StaffRoles.Reviewer && !user.Disabled && user.Email != null &&
                   !database.MailOptOuts.Any(o => o.UserId == user.Id && o.Kind == kind)
               orderby user.Email
               select user.Email!).Distinct().ToListAsync();

    private static string TitleOf(ArticleRevision revision) => Plain(ArticleDraft.FromMarkdown(revision.Text)?.Title ?? revision.Slug);

    private static string Quoted(string? text) =>
        string.Join('\n', (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n').Select(line => "> " + line));

    // A title is one line of plain words; a subject header must not carry a line break or a control character.
    private static string Plain(string text) => HeadacheInfo.Web.Articles.PlainLine.Strip(text);

    private static string Limit(string text, int length) => text.Length > length ? text[..length] : text;
}
