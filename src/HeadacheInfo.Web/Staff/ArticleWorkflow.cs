using System.ComponentModel.DataAnnotations;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff;

/// <summary>The <c>Content:ReviewIntervalMonths</c> setting: how long an approved article goes before its next review.</summary>
public sealed class ReviewOptions
{
    [Range(1, 60, ErrorMessage = "Content:ReviewIntervalMonths must be a whole number of months from 1 to 60.")]
    public int ReviewIntervalMonths { get; set; } = 12;
}

/// <summary>What the checker and the site's own pipeline make of a text: the rendered article, or why it is left out, and the findings.</summary>
public sealed record DraftCheck(Article? Article, IReadOnlyList<CheckFinding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);
}

/// <summary>How a workflow action ended, for the page to say in its own words.</summary>
public enum WorkflowOutcome
{
    Done,
    Conflict,
    Forbidden,
    Invalid,
}

/// <summary>What a workflow action did, and a message a member of staff can act on.</summary>
public sealed record WorkflowResult(WorkflowOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome == WorkflowOutcome.Done;

    public static WorkflowResult Done(string message) => new(WorkflowOutcome.Done, message);

    public static WorkflowResult Conflict(string message) => new(WorkflowOutcome.Conflict, message);

    public static WorkflowResult Forbidden(string message) => new(WorkflowOutcome.Forbidden, message);

    public static WorkflowResult Invalid(string message) => new(WorkflowOutcome.Invalid, message);
}

/// <summary>Publishing failed: the file could not be written. The revision stays waiting.</summary>
public sealed class PublishFailedException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The article workflow: drafts and submissions are revisions in the database; only an approval writes the
/// Markdown file, which stays the one published truth. Every step is a revision row, never deleted.
/// </summary>
public sealed partial class ArticleWorkflow(
    StaffDbContext database,
    IOptions<ContentOptions> content,
    IOptions<ReviewOptions> review,
    IOptions<ClinicOptions> clinic,
    ArticleParser parser,
    ContentStore store,
    AuditLog audit,
    UserManager<StaffUser> users,
    TimeProvider time,
    ILogger<ArticleWorkflow> logger)
{
    /// <summary>Lets a test stop a publish between writing the temporary file and renaming it, as a crash would.</summary>
    internal static Action<string>? BeforeRename { get; set; }

    public DateOnly Today => time.UtcToday();

    public string ArticlesFolder => Path.Combine(content.Value.FullPath, ContentLoader.ArticlesFolder);

    public string PathOf(string slug) => Path.Combine(ArticlesFolder, slug + ContentLoader.ArticleExtension);

    /// <summary>The published file's text, or null when there is none.</summary>
    public string? PublishedText(string slug)
    {
        try
        {
            return Slug.IsValid(slug) && File.Exists(PathOf(slug)) ? File.ReadAllText(PathOf(slug)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// The latest step of the workflow for an article: a save, submission, return, approval or take-down. An
    /// edit recorded from outside the app is history, not a step: it never hides a change waiting for review
    /// (approving that change is then refused, since the published text moved on).
    /// </summary>
    public Task<ArticleRevision?> LatestAsync(string slug) =>
        database.ArticleRevisions.AsNoTracking()
            .Where(r => r.Slug == slug && r.Action != RevisionActions.OutsideEdit && r.Action != RevisionActions.Confirmed)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync();

    public Task<ArticleRevision?> FindAsync(long id) => database.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);

    public async Task<IReadOnlyList<ArticleRevision>> HistoryAsync(string slug) =>
        await database.ArticleRevisions.AsNoTracking().Where(r => r.Slug == slug).OrderByDescending(r => r.Id).ToListAsync();

    /// <summary>Every revision waiting for review: the latest of its article, submitted.</summary>
    public async Task<IReadOnlyList<ArticleRevision>> WaitingAsync()
    {
        var latest = await database.ArticleRevisions.AsNoTracking()
            .Where(r => r.Action != RevisionActions.OutsideEdit && r.Action != RevisionActions.Confirmed)
            .GroupBy(r => r.Slug).Select(g => g.Max(r => r.Id)).ToListAsync();
        return await database.ArticleRevisions.AsNoTracking()
            .Where(r => latest.Contains(r.Id) && r.Action == RevisionActions.Submitted)
            .OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>Renders a text with the site's own pipeline and runs the same checks as check-content on it.</summary>
    public DraftCheck Check(string slug, string text)
    {
        var file = $"{ContentLoader.ArticlesFolder}/{slug}{ContentLoader.ArticleExtension}";
        var parsed = parser.Parse(file, slug, text);
        if (parsed.Article is not { } article)
        {
            return new DraftCheck(null, [.. parsed.Problems.Select(p => new CheckFinding(FindingSeverity.Error, p.Line, p.Reason))]);
        }

        var snapshot = store.Current;
        Article? Find(string other) => other == slug ? article : snapshot.Find(other) ?? snapshot.Drafts.FirstOrDefault(d => d.Slug == other);
        var onItsOwn = ContentChecker.CheckOnItsOwn(article, content.Value.FullPath, Today, clinic.Value, text);
        return new DraftCheck(article, ContentChecker.CheckArticle(article, Find, onItsOwn).Findings);
    }

    /// <summary>Records a step: a saved draft, a submission, a return.</summary>
    public async Task<ArticleRevision> RecordAsync(string slug, string action, string text, string baseHash, string author, string? note)
    {
        var revision = NewRevision(slug, action, text, baseHash ?? string.Empty, author, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        database.ArticleRevisions.Add(revision);
        await database.SaveChangesAsync();
        var auditEvent = action switch
        {
            RevisionActions.Submitted => AuditEvents.RevisionSubmitted,
            RevisionActions.Returned => AuditEvents.RevisionReturned,
            _ => AuditEvents.RevisionSaved,
        };
        await audit.RecordAsync(auditEvent, author, $"{action} {slug} (revision {revision.Id})");
        return revision;
    }

    /// <summary>
    /// Publishes a submitted revision: sets the review dates and the reviewer's title, writes the file
    /// atomically (a temporary file in the same folder, then a rename), and records the approval.
    /// </summary>
    /// <exception cref="PublishFailedException">The file could not be written; nothing changed.</exception>
    public async Task<ArticleRevision> ApproveAsync(ArticleRevision submitted, StaffUser reviewer, string? comment)
    {
        var draft = ArticleDraft.FromMarkdown(submitted.Text) ?? throw new InvalidOperationException("a revision that cannot be read was submitted");
        var published = draft with
        {
            LastReviewed = Today,
            NextReview = Today.AddMonths(review.Value.ReviewIntervalMonths),
            Reviewer = ReviewerTitle(reviewer),
            Draft = false,
        };
        var text = published.ToMarkdown();
        WriteAtomically(submitted.Slug, text);

        var approved = NewRevision(submitted.Slug, RevisionActions.Approved, text, submitted.BaseHash, reviewer.Email ?? string.Empty,
            string.IsNullOrWhiteSpace(comment) ? $"approved revision {submitted.Id}" : comment.Trim());
        database.ArticleRevisions.Add(approved);
        await database.SaveChangesAsync();
        await audit.RecordAsync(AuditEvents.RevisionApproved, reviewer.Email, $"approved {submitted.Slug} (revision {submitted.Id}) and published it");
        return approved;
    }

    /// <summary>
    /// Who wrote the published text: the author of the change the latest approval published. They may not
    /// confirm it still accurate, as they may not approve it. Null when it came from outside the app.
    /// </summary>
    public async Task<string?> LastAuthorAsync(string slug)
    {
        var approved = await database.ArticleRevisions.AsNoTracking()
            .Where(r => r.Slug == slug && (r.Action == RevisionActions.Approved || r.Action == RevisionActions.OutsideEdit))
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync();
        if (approved is null || approved.Action == RevisionActions.OutsideEdit)
        {
            return null;
        }

        return await database.ArticleRevisions.AsNoTracking()
            .Where(r => r.Slug == slug && r.Id < approved.Id && r.Action == RevisionActions.Submitted)
            .OrderByDescending(r => r.Id).Select(r => r.Author).FirstOrDefaultAsync();
    }

    /// <summary>
    /// "Confirm still accurate": a reviewer signs off the published text as it stands (the first sign-off, or
    /// a periodic review). Only the review fields change; every other byte of the file stays as it is.
    /// </summary>
    /// <param name="seenFingerprint">The fingerprint of the published text the reviewer read.</param>
    public async Task<WorkflowResult> ConfirmAsync(string slug, string seenFingerprint, StaffUser reviewer)
    {
        if (!await users.IsInRoleAsync(reviewer, StaffRoles.Reviewer))
        {
            return WorkflowResult.Forbidden("Only a reviewer can confirm an article is still accurate.");
        }

        if (PublishedText(slug) is not { } text)
        {
            return WorkflowResult.Invalid("This article is not on the site, so there is nothing to confirm.");
        }

        if (ArticleDraft.Fingerprint(text) != seenFingerprint)
        {
            return WorkflowResult.Conflict("The published article changed after you opened this page. Read it again, then confirm.");
        }

        if (string.Equals(await LastAuthorAsync(slug), reviewer.Email, StringComparison.OrdinalIgnoreCase))
        {
            return WorkflowResult.Forbidden("You wrote the published version of this article, so another reviewer must confirm it.");
        }

        if ((await LatestAsync(slug))?.Action == RevisionActions.Submitted)
        {
            return WorkflowResult.Conflict("A change to this article is waiting for review. Review that change first.");
        }

        if (Check(slug, text).HasErrors)
        {
            return WorkflowResult.Invalid("The checker finds errors in this article, so it cannot be signed off. Fix them first.");
        }

        var confirmed = FrontMatterEditor.Set(text, ReviewFields(reviewer))!;
        WriteAtomically(slug, confirmed);
        database.ArticleRevisions.Add(NewRevision(slug, RevisionActions.Confirmed, confirmed, ArticleDraft.Fingerprint(text),
            reviewer.Email ?? string.Empty, "confirmed still accurate"));
        await database.SaveChangesAsync();
        await audit.RecordAsync(AuditEvents.ArticleConfirmed, reviewer.Email, $"confirmed {slug} still accurate");
        return WorkflowResult.Done("Confirmed still accurate. The page now says who signed it off and when.");
    }

    /// <summary>The fields a sign-off sets: today, the next review, and the reviewer's title (never an email).</summary>
    private (string Key, string YamlValue)[] ReviewFields(StaffUser reviewer) =>
    [
        ("last_reviewed", Today.Iso()),
        ("next_review", Today.AddMonths(review.Value.ReviewIntervalMonths).Iso()),
        ("reviewer", FrontMatterEditor.Quote(ReviewerTitle(reviewer))),
    ];

    private static string ReviewerTitle(StaffUser reviewer) =>
        string.IsNullOrWhiteSpace(reviewer.RoleTitle) ? "Clinical reviewer" : reviewer.RoleTitle.Trim();

    /// <summary>Takes an article off the site; its text is kept as a revision, so it can be brought back.</summary>
    public async Task UnpublishAsync(string slug, StaffUser reviewer)
    {
        var text = PublishedText(slug) ?? throw new InvalidOperationException($"'{slug}' is not published");
        database.ArticleRevisions.Add(NewRevision(slug, RevisionActions.Unpublished, text, ArticleDraft.Fingerprint(text),
            reviewer.Email ?? string.Empty, "taken off the site"));
        await database.SaveChangesAsync();
        try
        {
            File.Delete(PathOf(slug));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(slug, ex.Message);
            throw new PublishFailedException($"The file could not be removed: {ex.Message}", ex);
        }

        await audit.RecordAsync(AuditEvents.ArticleUnpublished, reviewer.Email, $"took {slug} off the site");
    }

    /// <summary>
    /// Records a version for every article file whose text differs from its latest recorded version: edits
    /// made on disk, with an editor or git, so the history has no gaps.
    /// </summary>
    public async Task<int> RecordOutsideEditsAsync()
    {
        if (!Directory.Exists(ArticlesFolder))
        {
            return 0;
        }

        var latest = await database.ArticleRevisions.AsNoTracking()
            .Where(r => r.Action == RevisionActions.Approved || r.Action == RevisionActions.OutsideEdit || r.Action == RevisionActions.Unpublished
                || r.Action == RevisionActions.Confirmed)
            .GroupBy(r => r.Slug).Select(g => g.Max(r => r.Id)).ToListAsync();
        var known = await database.ArticleRevisions.AsNoTracking().Where(r => latest.Contains(r.Id))
            .ToDictionaryAsync(r => r.Slug, r => (r.Action, Hash: ArticleDraft.Fingerprint(r.Text)));
        var added = 0;
        foreach (var path in Directory.EnumerateFiles(ArticlesFolder, "*" + ContentLoader.ArticleExtension))
        {
            var slug = Path.GetFileNameWithoutExtension(path);
            if (PublishedText(slug) is not { } text)
            {
                continue;
            }

            if (known.TryGetValue(slug, out var last) && last.Action != RevisionActions.Unpublished && last.Hash == ArticleDraft.Fingerprint(text))
            {
                continue;
            }

            database.ArticleRevisions.Add(NewRevision(slug, RevisionActions.OutsideEdit, text, ArticleDraft.Fingerprint(text),
                RevisionActions.OutsideTheApp, "changed in the content folder, not through the staff area"));
            added++;
        }

        await database.SaveChangesAsync();
        return added;
    }

    private ArticleRevision NewRevision(string slug, string action, string text, string baseHash, string author, string? note) => new()
    {
        Slug = slug,
        Action = action,
        Text = text,
        BaseHash = baseHash,
        Author = author,
        At = time.GetUtcNow(),
        Note = note,
    };

    private void WriteAtomically(string slug, string text)
    {
        var target = PathOf(slug);
        // Not ending in .md, so the site never reads a half-written temporary file.
        var temporary = Path.Combine(ArticlesFolder, $".{slug}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(ArticlesFolder);
            File.WriteAllText(temporary, text);
            BeforeRename?.Invoke(temporary);
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            LogWriteFailed(slug, ex.Message);
            throw new PublishFailedException($"The article could not be written to the content folder, so nothing changed on the site: {ex.Message}", ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left behind; it does not end in .md, so the site never reads it.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not publish {Slug:l}: {Reason:l}")]
    private partial void LogWriteFailed(string slug, string reason);
}
