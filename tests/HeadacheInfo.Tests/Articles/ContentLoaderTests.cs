using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;

namespace HeadacheInfo.Tests.Articles;

public sealed class ContentLoaderTests : IDisposable
{
    private const string Fields = """
        title: Neck pain
        summary: About neck pain.
        category: signs
        order: 2
        last_reviewed: 2026-01-15
        next_review: 2027-01-15
        author: Clinic physiotherapy team
        reviewer: Clinic medical lead
        references:
          - "NHS. Headaches."
        draft: false
        """;

    private readonly TemporaryContentFolder _content = new();

    public void Dispose() => _content.Dispose();

    private static string WithFields(string fields) => $"---\n{fields}\n---\n\n## Section\n\nSome text.\n";

    private static string Replace(string from, string to) => WithFields(Fields.Replace(from, to, StringComparison.Ordinal));

    private ContentSnapshot Load(bool includeDrafts = false) =>
        new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), TimeProvider.System)
            .Load(_content.Root, includeDrafts, version: 1);

    [Fact]
    public void Valid_file_becomes_an_article_with_every_field()
    {
        _content.Write("neck-pain.md", WithFields(Fields));

        var article = Assert.Single(Load().Articles);

        Assert.Equal("neck-pain", article.Slug);
        Assert.Equal("Neck pain", article.Title);
        Assert.Equal("About neck pain.", article.Summary);
        Assert.Equal(ArticleCategory.Signs, article.Category);
        Assert.Equal(2, article.FrontMatter.Order);
        Assert.Equal(new DateOnly(2026, 1, 15), article.FrontMatter.LastReviewed);
        Assert.Equal(new DateOnly(2027, 1, 15), article.FrontMatter.NextReview);
        Assert.Equal("Clinic physiotherapy team", article.FrontMatter.Author);
        Assert.Equal("Clinic medical lead", article.FrontMatter.Reviewer);
        Assert.Equal(["NHS. Headaches."], article.FrontMatter.References.AsEnumerable());
        Assert.False(article.FrontMatter.Draft);
        Assert.Contains("<h2 id=\"section\">Section</h2>", article.Html, StringComparison.Ordinal);
    }

    // File name, file text, the line the problem is reported on, and words the reason must contain.
    public static TheoryData<string, string, int?, string> BrokenFiles => new()
    {
        { "no-title.md", Replace("title: Neck pain\n", ""), 1, "'title' is missing" },
        { "no-summary.md", Replace("summary: About neck pain.\n", ""), 1, "'summary' is missing" },
        { "no-category.md", Replace("category: signs\n", ""), 1, "'category' is missing" },
        { "no-last-reviewed.md", Replace("last_reviewed: 2026-01-15\n", ""), 1, "'last_reviewed' is missing" },
        { "no-next-review.md", Replace("next_review: 2027-01-15\n", ""), 1, "'next_review' is missing" },
        { "empty-title.md", Replace("title: Neck pain", "title:"), 1, "'title' is missing" },
        { "title-as-list.md", Replace("title: Neck pain", "title: [Neck, pain]"), 2, "'title' must be plain text" },
        { "order-not-number.md", Replace("order: 2", "order: soon"), 5, "'order' must be a whole number" },
        { "draft-not-bool.md", Replace("draft: false", "draft: maybe"), 12, "'draft' must be true or false" },
        { "references-not-list.md", Replace("references:\n  - \"NHS. Headaches.\"", "references: NHS"), 10, "'references' must be a list" },
        { "impossible-date.md", Replace("2026-01-15", "2026-02-30"), 6, "real date written yyyy-MM-dd" },
        { "british-date.md", Replace("next_review: 2027-01-15", "next_review: 15/01/2027"), 7, "'next_review' must be a real date" },
        { "broken-yaml.md", Replace("summary: About neck pain.", "summary: \"About neck pain."), 3, "not valid YAML" },
        { "not-a-mapping.md", WithFields("- just\n- a list"), 1, "lines of 'field: value'" },
        { "unknown-category.md", Replace("category: signs", "category: cures"), 4, "unknown category 'cures'" },
        { "unknown-field.md", Replace("reviewer:", "reveiwer:"), 9, "unknown field 'reveiwer'" },
        { "no-front-matter.md", "# Neck pain\n\nNo front matter here.\n", 1, "must start with front matter" },
        { "unclosed-front-matter.md", $"---\n{Fields}\n\nNo closing line.\n", 1, "must start with front matter" },
        { "empty.md", "", null, "the file is empty" },
        { "blank.md", "  \n\n  ", null, "the file is empty" },
        { "Capital-Letters.md", WithFields(Fields), null, "file name must use only lowercase letters" },
        { "two words.md", WithFields(Fields), null, "file name must use only lowercase letters" },
        { "under_score.md", WithFields(Fields), null, "file name must use only lowercase letters" },
        { "shouting.MD", WithFields(Fields), null, "end in .md" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Broken_file_is_left_out_with_its_line_and_reason_while_others_load(
        string fileName, string text, int? line, string reason)
    {
        _content.WriteArticle("good-one", "Good one");
        _content.Write(fileName, text);
        _content.WriteArticle("good-two", "Good two");

        var snapshot = Load();

        Assert.Equal(["good-one", "good-two"], snapshot.Articles.Select(a => a.Slug).Order());
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal($"articles/{fileName}", problem.File);
        Assert.Equal(line, problem.Line);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_missing_field_is_reported_not_just_the_first()
    {
        _content.Write("sparse.md", WithFields("title: Only a title"));

        var reasons = Load().Problems.Select(p => p.Reason).ToList();

        Assert.Equal(4, reasons.Count);
        Assert.All(["summary", "category", "last_reviewed", "next_review"],
            field => Assert.Contains(reasons, r => r.Contains($"'{field}'", StringComparison.Ordinal)));
    }

    [Fact]
    public void Duplicate_slug_in_a_subfolder_is_left_out_naming_the_file_that_keeps_it()
    {
        _content.WriteArticle("neck-pain", "First");
        _content.Write("signs/neck-pain.md", ArticleText.Valid("Second"));

        var snapshot = Load();

        Assert.Equal("First", Assert.Single(snapshot.Articles).Title);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal("articles/signs/neck-pain.md", problem.File);
        Assert.Contains("already used by articles/neck-pain.md", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Drafts_are_left_out_unless_asked_for_and_are_not_problems()
    {
        _content.WriteArticle("published", "Published");
        _content.WriteArticle("unfinished", "Unfinished", draft: true);

        Assert.Equal(["published"], Load().Articles.Select(a => a.Slug));
        Assert.Empty(Load().Problems);
        Assert.Equal(["published", "unfinished"], Load(includeDrafts: true).Articles.Select(a => a.Slug).Order());
    }

    [Fact]
    public void Articles_are_ordered_by_category_then_order_then_title()
    {
        _content.Write("help.md", ArticleText.Valid("Help", "getting-help"));
        _content.Write("b-signs.md", ArticleText.Valid("B signs", "signs"));
        _content.Write("a-signs.md", ArticleText.Valid("A signs", "signs"));
        _content.Write("first-signs.md", ArticleText.Valid("Z but first", "signs").Replace("draft:", "order: 1\ndraft:", StringComparison.Ordinal));
        _content.Write("causes.md", ArticleText.Valid("Causes", "causes"));

        Assert.Equal(["first-signs", "a-signs", "b-signs", "causes", "help"], Load().Articles.Select(a => a.Slug));
    }

    [Fact]
    public void Reload_with_a_cache_reuses_unchanged_files_and_reparses_edited_ones()
    {
        var loader = new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), TimeProvider.System);
        var cache = new ParsedFileCache();
        _content.WriteArticle("stays", "Stays");
        _content.WriteArticle("changes", "Before");
        _content.WriteArticle("goes", "Goes");
        var first = loader.Load(_content.Root, includeDrafts: false, version: 1, cache);

        _content.WriteArticle("changes", "After, and longer");
        _content.Delete("goes.md");
        var second = loader.Load(_content.Root, includeDrafts: false, version: 2, cache);

        Assert.Same(first.Find("stays"), second.Find("stays"));
        Assert.Equal("After, and longer", second.Find("changes")?.Title);
        Assert.Null(second.Find("goes"));
    }

    [Fact]
    public void Missing_articles_folder_is_reported_and_gives_an_empty_site()
    {
        Directory.Delete(_content.ArticlesFolder);

        var snapshot = Load();

        Assert.Empty(snapshot.Articles);
        Assert.Contains("no articles folder", Assert.Single(snapshot.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_still_being_saved_is_not_served_half_written_and_its_last_version_stays()
    {
        var now = FixedTime.On(2026, 11, 25);
        var loader = new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), now);
        var cache = new ParsedFileCache();
        var settle = TimeSpan.FromMilliseconds(500);
        var path = _content.WriteArticle("saving", "Whole first version");
        File.SetLastWriteTimeUtc(path, now.GetUtcNow().UtcDateTime.AddMinutes(-5));
        Assert.Equal("Whole first version", loader.Load(_content.Root, false, 1, cache, settle).Find("saving")?.Title);

        // A slow save: half the new text is on disk, written a moment ago.
        var whole = ArticleText.Valid("Whole second version");
        File.WriteAllText(path, whole[..(whole.Length / 2)]);
        File.SetLastWriteTimeUtc(path, now.GetUtcNow().UtcDateTime.AddMilliseconds(-100));
        var newPath = _content.WriteArticle("brand-new", "Still being written");
        File.SetLastWriteTimeUtc(newPath, now.GetUtcNow().UtcDateTime.AddMilliseconds(-100));
        var during = loader.Load(_content.Root, false, 2, cache, settle);

        Assert.Equal("Whole first version", during.Find("saving")?.Title);
        Assert.Null(during.Find("brand-new"));
        Assert.Empty(during.Problems);
        Assert.Equal(["articles/brand-new.md", "articles/saving.md"], during.Settling.Order());
        Assert.Equal(now.GetUtcNow().AddMilliseconds(400), during.SettlesAt);

        // The save finishes and the file then goes unwritten for longer than the settle time.
        File.WriteAllText(path, whole);
        File.SetLastWriteTimeUtc(path, now.GetUtcNow().UtcDateTime.AddSeconds(-1));
        File.SetLastWriteTimeUtc(newPath, now.GetUtcNow().UtcDateTime.AddSeconds(-1));
        var after = loader.Load(_content.Root, false, 3, cache, settle);

        Assert.Equal("Whole second version", after.Find("saving")?.Title);
        Assert.Equal("Still being written", after.Find("brand-new")?.Title);
        Assert.Empty(after.Settling);
    }

    [Fact]
    public void The_content_checker_and_first_load_read_files_without_waiting_for_them_to_settle()
    {
        var now = FixedTime.On(2026, 11, 25);
        var loader = new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), now);
        var path = _content.WriteArticle("fresh", "Fresh");
        File.SetLastWriteTimeUtc(path, now.GetUtcNow().UtcDateTime);

        Assert.NotNull(loader.Load(_content.Root, false, 1).Find("fresh"));
    }

    [Fact]
    public void An_article_suggests_up_to_five_others_from_its_category_those_after_it_wrapping_round()
    {
        foreach (var i in Enumerable.Range(1, 8))
        {
            _content.Write($"a{i}.md", ArticleText.Valid($"A{i}", "signs").Replace("draft:", $"order: {i}\ndraft:", StringComparison.Ordinal));
        }

        _content.Write("other.md", ArticleText.Valid("Other", "causes"));
        var snapshot = Load();

        Assert.Equal(["a8", "a1", "a2", "a3", "a4"], snapshot.RelatedTo(snapshot.Find("a7")!).Select(a => a.Slug));
        Assert.Empty(snapshot.RelatedTo(snapshot.Find("other")!));
    }
}
