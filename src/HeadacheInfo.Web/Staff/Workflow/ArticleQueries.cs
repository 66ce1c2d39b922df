using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Hosting;
using HeadacheInfo.Web.Site;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using HeadacheInfo.Web.Staff.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// What staff pages read about articles: revisions, state rows, the change in progress and who wrote it, and
/// the checker run on a text (rendered once while unchanged). Nothing here changes anything.
/// </summary>
public sealed partial class ArticleQueries(
    StaffDbContext database,
    IArticleFileStore files,
    IOptions<ContentOptions> content,
    IOptions<ClinicOptions> clinic,
    ArticleParser parser,
    ContentStore store,
    ContentImages images,
    DraftRenderCache rendered,
    TimeProvider time,
    IHttpContextAccessor http,
    ArticleStateRows stateRows,
    PublishedPictures publishedPictures,
    ILogger<ArticleQueries> logger)
{
    public DateOnly Today => time.UtcToday();

    /// <summary>The published file's text, or null when there is none or the site would refuse it.</summary>
    public string? PublishedText(string slug) => files.Read(slug).Text;

    public Task<ArticleRevision?> FindAsync(long id) => database.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);

    public async Task<IReadOnlyList<ArticleRevision>> HistoryAsync(string slug) =>
        await database.ArticleRevisions.AsNoTracking().Where(r => r.Slug == slug).OrderByDescending(r => r.Id).ToListAsync();

    /// <summary>The text a revision stands for: its own, or for a return, the text it sent back.</summary>
    public async Task<string> TextOfAsync(ArticleRevision revision) =>
        revision.Text.Length > 0 || revision.SubjectRevisionId is not { } subject
            ? revision.Text
            : (await FindAsync(subject))?.Text ?? string.Empty;

    /// <summary>Where an article stands, or null when the workflow has never seen it.</summary>
    public async Task<ArticleState?> StateAsync(string slug) =>
        Slug.IsValid(slug) ? await EnsureStateAsync(slug, tracked: false) : null;

    /// <summary>The latest revision of the change in progress on an article, if any.</summary>
    public async Task<ArticleRevision?> DraftAsync(string slug) =>
        await StateAsync(slug) is { DraftRevisionId: { } id } ? await FindAsync(id) : null;

    /// <summary>Every change waiting for review, oldest first.</summary>
    public async Task<IReadOnlyList<ArticleRevision>> WaitingAsync()
    {
        var ids = await database.ArticleStates.AsNoTracking().Where(s => s.Status == ChangeStatus.Waiting && s.DraftRevisionId != null)
            .Select(s => s.DraftRevisionId!.Value).ToListAsync();
        return await database.ArticleRevisions.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>
    /// Everyone who wrote part of the change in progress: every save and submission since the article was last
    /// published through the workflow, and whoever uploaded a picture it would put on the site for the first
    /// time (a picture is part of the text that first shows it). None of them may approve it.
    /// </summary>
    public async Task<IReadOnlyList<string>> ContributorsAsync(string slug)
    {
        var writers = (await ContributorsAsync(database, [slug])).GetValueOrDefault(slug) ?? [];
        var uploaders = await DraftAsync(slug) is { } draft ? (await PicturesGoingLiveAsync(await TextOfAsync(draft))).Select(p => p.UploadedBy) : [];
        return [.. writers.Union(uploaders, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
    }

    /// <summary>The contributors to the change in progress on each of these articles (see <see cref="Authorship"/>).</summary>
    internal static async Task<Dictionary<string, List<string>>> ContributorsAsync(StaffDbContext database, IReadOnlyList<string> slugs) =>
        (await HistoriesAsync(database, slugs)).ToDictionary(h => h.Key, h => h.Value.ChangeInProgress().ToList(), StringComparer.Ordinal);

    /// <summary>Who wrote the published text: they may not confirm it still accurate, as they could not approve it.</summary>
    public async Task<IReadOnlyList<string>> PublishedAuthorsAsync(string slug) =>
        (await HistoriesAsync(database, [slug])).GetValueOrDefault(slug)?.Published() ?? [];

    private static async Task<Dictionary<string, Authorship>> HistoriesAsync(StaffDbContext database, IReadOnlyList<string> slugs) =>
        (await database.ArticleRevisions.AsNoTracking().Where(r => slugs.Contains(r.Slug))
            .Select(r => new { r.Slug, Step = new RevisionStep(r.Id, r.Action, r.Author, r.SubjectRevisionId) }).ToListAsync())
        .GroupBy(r => r.Slug).ToDictionary(g => g.Key, g => new Authorship([.. g.Select(r => r.Step)]), StringComparer.Ordinal);

    /// <summary>
    /// Renders a text with the site's own pipeline and runs the same checks as check-content on it. A text is
    /// rendered once (kept while unchanged, for the day), so opening a review again costs nothing; whatever
    /// goes wrong becomes a checker error, never a failed request.
    /// </summary>
    public DraftCheck Check(string slug, string text) => Check(slug, text, uploading: null);

    /// <param name="uploading">A picture being uploaded with this text, not in the database yet.</param>
    internal DraftCheck Check(string slug, string text, RevisionPicture? uploading)
    {
        var file = $"{ContentLoader.ArticlesFolder}/{slug}{ContentLoader.ArticleExtension}";
        var today = Today;
        var drafted = DraftPictures(text, uploading);
        // The pictures found are part of what was checked: a picture uploaded later is checked afresh.
        var found = string.Join('|', drafted.Keys.Order(StringComparer.Ordinal));
        // Checked against the categories as they are now: a category renamed or removed is a new check.
        var categories = store.Current.CategoryList;
        var (article, onItsOwn) = rendered.Cache.GetOrCreate((nameof(ArticleQueries), slug, ArticleFile.ContentHash(text), today, found, categories), entry =>
        {
            entry.SetSize(1).SetSlidingExpiration(TimeSpan.FromMinutes(30));
            try
            {
                // A render for a request stops when the request is aborted (the parser has its own deadline too).
                var parsed = categories.Bind(parser.Parse(file, slug, text, http.HttpContext?.RequestAborted ?? CancellationToken.None));
                return parsed.Article is { } parsedArticle
                    ? (parsedArticle, ContentChecker.CheckOnItsOwn(parsedArticle, content.Value.FullPath, today, clinic.Value, text, drafted.GetValueOrDefault))
                    : ((Article?)null, new FileCheck(file, null, [.. parsed.Problems.Select(p => new CheckFinding(FindingSeverity.Error, p.Line, p.Reason))]));
            }
#pragma warning disable CA1031 // Whatever a text does to the renderer, the author's words are saved and the fault is shown as a finding.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogRenderFailed(slug, ex.GetType().Name, ex.Message);
                return ((Article?)null, new FileCheck(file, null, [new CheckFinding(FindingSeverity.Error, null,
                    $"the article could not be rendered ({ex.GetType().Name}); simplify the part you changed last")]));
            }
        });

        if (article is null)
        {
            return new DraftCheck(null, onItsOwn.Findings);
        }

        var snapshot = store.Current;
        Article? Find(string other) => other == slug ? article : snapshot.Find(other) ?? snapshot.Drafts.FirstOrDefault(d => d.Slug == other);
        return new DraftCheck(article, ContentChecker.CheckArticle(article, Find, onItsOwn).Findings);
    }

    /// <summary>The published articles that link to this one: a take-down would break every one of those links.</summary>
    public IReadOnlyList<Article> LinkingTo(string slug)
    {
        var address = SitePaths.Article(slug);
        return [.. store.Current.Articles.Where(article => article.Slug != slug && article.Body.Links.Any(link =>
            link.Url.Split('#', '?')[0].TrimEnd('/').Equals(address, StringComparison.Ordinal)))];
    }

    internal Task<bool> HasHistoryAsync(string slug) => database.ArticleRevisions.AnyAsync(r => r.Slug == slug);

    private Task<ArticleState?> EnsureStateAsync(string slug, bool tracked) => stateRows.EnsureAsync(slug, tracked);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not render a draft of {Slug:l}: {Kind:l} {Reason}")]
    private partial void LogRenderFailed(string slug, string kind, string reason);

    /// <summary>The clinic's time zone, in which staff type and read times.</summary>
    public TimeZoneInfo ClinicZone => clinic.Value.FindZone();

    /// <summary>Every article with a change approved for later or a take-down date, by slug.</summary>
    public async Task<IReadOnlyDictionary<string, ArticleState>> SchedulesAsync() =>
        await database.ArticleStates.AsNoTracking().Where(s => s.ScheduledRevisionId != null || s.TakeDownAt != null).ToDictionaryAsync(s => s.Slug, StringComparer.Ordinal);

    /// <summary>A picture for a staff page: the published file if there is one, else one uploaded with a draft.</summary>
    public async Task<PictureFile?> PictureAsync(string name)
    {
        if (!PictureRules.IsValidName(name))
        {
            return null;
        }

        if (images.Read(name) is { } published && PictureRules.TypeOf(published) is { } type)
        {
            return new PictureFile(name, type, published, Published: true);
        }

        return await database.RevisionPictures.AsNoTracking().Where(p => p.Name == name)
            .Select(p => new PictureFile(p.Name, p.ContentType, p.Bytes, false)).FirstOrDefaultAsync();
    }

    /// <summary>
    /// The pictures a text shows that are not in the images folder but were uploaded with a draft, by name.
    /// Names never change hands, so a text's pictures are the same whichever revision holds it.
    /// </summary>
    private Dictionary<string, byte[]> DraftPictures(string text, RevisionPicture? uploading)
    {
        var names = NotOnSite(text);
        var found = names.Count == 0 ? new Dictionary<string, byte[]>(StringComparer.Ordinal)
            : database.RevisionPictures.AsNoTracking().Where(p => names.Contains(p.Name))
                .Select(p => new { p.Name, p.Bytes }).ToDictionary(p => p.Name, p => p.Bytes, StringComparer.Ordinal);
        foreach (var each in uploading is null ? [] : (RevisionPicture[])[uploading, .. uploading.Sizes])
        {
            if (names.Contains(each.Name))
            {
                found[each.Name] = each.Bytes;
            }
        }

        return found;
    }

    /// <param name="withSizes">With each picture's smaller web sizes, which travel with it but are not named in the text.</param>
    internal List<string> NotOnSite(string text, bool withSizes = true) => publishedPictures.NotOnSite(text, withSizes);

    /// <summary>The categories an article may be in now (the site settings hold them).</summary>
    internal ArticleCategories Categories => store.Current.CategoryList;

    /// <summary>The pictures a text would put on the site for the first time, each with who uploaded it.</summary>
    public async Task<IReadOnlyList<PictureGoingLive>> PicturesGoingLiveAsync(string text)
    {
        var names = NotOnSite(text, withSizes: false);
        return names.Count == 0 ? []
            : await database.RevisionPictures.AsNoTracking().Where(p => names.Contains(p.Name)).OrderBy(p => p.Name)
                .Select(p => new PictureGoingLive(p.Name, p.UploadedBy)).ToListAsync();
    }
}
