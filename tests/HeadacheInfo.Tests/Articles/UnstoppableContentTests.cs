using System.Diagnostics;
using System.Text;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Tests.Articles;

/// <summary>
/// No single content file may stop, freeze or crash the site or the checker: whatever goes wrong in reading,
/// parsing or rendering one file leaves out that file alone, named, with a reason.
/// </summary>
public sealed class UnstoppableContentTests : IDisposable
{
    private const string FrontMatter =
        "---\ntitle: Hostile\nsummary: s\ncategory: signs\nlast_reviewed: 2026-01-01\nnext_review: 2027-01-01\n";

    private readonly TemporaryContentFolder _content = new();

    public void Dispose() => _content.Dispose();

    private static ContentLoader Loader() =>
        new(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), TimeProvider.System);

    /// <summary>Loads on another thread, so a file that blocks fails the test instead of hanging the run.</summary>
    private async Task<ContentSnapshot> LoadAsync() =>
        await Task.Run(() => Loader().Load(_content.Root, includeDrafts: false, version: 1)).WaitAsync(TimeSpan.FromSeconds(60));

    private async Task<ContentCheckReport> CheckAsync() =>
        await Task.Run(() => new ContentChecker(Loader(), TimeProvider.System, new ClinicOptions()).Check(_content.Root)).WaitAsync(TimeSpan.FromSeconds(60));

    private async Task AssertOnlyThatFileIsLeftOutAsync(string fileName, string? reason = null)
    {
        _content.WriteArticle("good", "Good");

        var snapshot = await LoadAsync();

        Assert.Equal(["good"], snapshot.Articles.Select(a => a.Slug));
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal($"articles/{fileName}", problem.File);
        Assert.False(string.IsNullOrWhiteSpace(problem.Reason));
        if (reason is not null)
        {
            Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        }

        var report = await CheckAsync();
        Assert.Contains(report.Files, f => f.File == $"articles/{fileName}" && f.Errors > 0);
        Assert.Contains(report.Files, f => f.File == "articles/good.md" && f.Errors == 0);
    }

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    public static TheoryData<string, string> MarkdigBreakers => new()
    {
        { "emphasis-run.md", Repeat("*a ", 20_000) },
        { "emphasis-nest.md", Repeat("*a ", 128) + "x" + Repeat(" a*", 128) },
        { "cards-nested.md", Repeat("::: info\n", 130) + "deep\n" + Repeat(":::\n", 130) },
        { "cards-unclosed.md", Repeat("::: emergency\n", 50_000) },
        { "footnotes-used.md", string.Concat(Enumerable.Range(0, 50_000).Select(i => $"Text[^{i}]\n\n[^{i}]: note {i}\n\n")) },
        { "footnotes-indented.md", string.Concat(Enumerable.Range(0, 50_000).Select(i => new string(' ', 4 * Math.Min(i, 3)) + $"[^{i}]: [^{i + 1}]\n")) + "Text[^0]\n" },
        { "quotes-cr.md", Repeat(">", 1_000) + " deep\r" },
        { "lists-cr.md", Repeat("- ", 1_000) + "deep\r" },
        { "quotes-cr-lines.md", string.Concat(Enumerable.Range(0, 1_000).Select(i => new string('>', i + 1) + " q\r")) },
    };

    [Theory]
    [MemberData(nameof(MarkdigBreakers))]
    public async Task Markdown_that_breaks_the_parser_leaves_out_only_that_file(string fileName, string body)
    {
        // The CR-only cases use CR for every line, front matter included, as an old Mac editor would.
        var text = body.EndsWith('\r') ? (FrontMatter + "---\n\n").Replace('\n', '\r') + body : FrontMatter + "---\n\n" + body;
        _content.Write(fileName, text);

        await AssertOnlyThatFileIsLeftOutAsync(fileName);
    }

    public static TheoryData<string, string> OddButHarmless => new()
    {
        { "footnotes.md", string.Concat(Enumerable.Range(0, 50_000).Select(i => $"[^{i}]: note {i}\n")) },
        { "footnotes-nested.md", Repeat("[^a]: ", 50_000) + "x\n\nText[^a]\n" },
    };

    [Theory]
    [MemberData(nameof(OddButHarmless))]
    public async Task Odd_markdown_the_parser_copes_with_is_served_beside_the_others(string fileName, string body)
    {
        _content.Write(fileName, FrontMatter + "---\n\n" + body);
        _content.WriteArticle("good", "Good");

        var snapshot = await LoadAsync();

        Assert.Equal(new[] { "good", Path.GetFileNameWithoutExtension(fileName) }.Order(), snapshot.Articles.Select(a => a.Slug).Order());
        Assert.Empty(snapshot.Problems);
    }

    public static TheoryData<string, string> DeepFrontMatter => new()
    {
        { "flow-maps.md", "order: " + Repeat("{a: ", 20_000) + "1" + new string('}', 20_000) + "\n" },
        { "flow-lists.md", "references: " + new string('[', 20_000) + "x" + new string(']', 20_000) + "\n" },
        { "flow-mixed.md", "order: " + Repeat("[{a: ", 10_000) + "1" + Repeat("}]", 10_000) + "\n" },
        { "block-maps.md", "order:\n" + string.Concat(Enumerable.Range(1, 1_000).Select(i => new string(' ', i) + "a:\n")) },
        { "block-lists.md", "references:\n" + string.Concat(Enumerable.Range(1, 1_000).Select(i => new string(' ', i) + "- \n")) + "  x\n" },
        { "compact-lists.md", "references:\n  " + Repeat("- ", 20_000) + "x\n" },
    };

    [Theory]
    [MemberData(nameof(DeepFrontMatter))]
    public async Task Front_matter_nested_too_deep_is_refused_before_YAML_parsing(string fileName, string field)
    {
        _content.Write(fileName, FrontMatter + field + "---\n\nBody.\n");

        await AssertOnlyThatFileIsLeftOutAsync(fileName, "nested more than");
    }

    [Fact]
    public async Task A_named_pipe_is_left_out_without_blocking()
    {
        var fifo = Path.Combine(_content.ArticlesFolder, "x.md");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        await AssertOnlyThatFileIsLeftOutAsync("x.md", "not an ordinary file");
    }

    [Fact]
    public async Task UTF8_with_a_byte_order_mark_is_served()
    {
        File.WriteAllBytes(Path.Combine(_content.ArticlesFolder, "windows.md"),
            [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ArticleText.Valid("Saved on Windows"))]);

        var snapshot = await LoadAsync();

        Assert.Empty(snapshot.Problems);
        Assert.Equal("Saved on Windows", Assert.Single(snapshot.Articles).Title);
    }

    [Theory]
    [InlineData("utf16-le.md", "utf-16")]
    [InlineData("utf16-be.md", "utf-16BE")]
    [InlineData("utf16-le-no-bom.md", "utf-16-nobom")]
    public async Task UTF16_is_named_as_UTF16_with_what_to_do(string fileName, string encoding)
    {
        var text = ArticleText.Valid("Saved as Unicode");
        byte[] bytes = encoding switch
        {
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16BE" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            _ => Encoding.Unicode.GetBytes(text),
        };
        File.WriteAllBytes(Path.Combine(_content.ArticlesFolder, fileName), bytes);

        await AssertOnlyThatFileIsLeftOutAsync(fileName, "UTF-16");
        var problem = (await LoadAsync()).Problems.Single();
        Assert.Contains("save it as UTF-8", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_deeper_than_the_folder_limit_is_reported_not_skipped_silently()
    {
        var deep = string.Join('/', Enumerable.Range(1, 20).Select(i => $"d{i}"));
        _content.Write($"{deep}/too-deep.md", ArticleText.Valid("Too deep"));

        var snapshot = await LoadAsync();

        Assert.Contains(snapshot.Problems, p => p.File.StartsWith("articles/d1/d2/", StringComparison.Ordinal) && p.Reason.Contains("folders deep", StringComparison.Ordinal));
    }
}
