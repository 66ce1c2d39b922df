using System.Text;
using System.Text.RegularExpressions;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;

namespace HeadacheInfo.Tests.Articles;

/// <summary>Content files written by mistake or by an attacker: none may crash the site or reach a reader as script.</summary>
public sealed partial class HostileContentTests : IDisposable
{
    private readonly TemporaryContentFolder _content = new();

    public void Dispose() => _content.Dispose();

    private ContentSnapshot Load() =>
        new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), TimeProvider.System)
            .Load(_content.Root, includeDrafts: false, version: 1);

    private static string Render(string body) =>
        new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions()))
            .Parse("articles/x.md", "x", ArticleText.Valid("X", body: body)).Article!.Html;

    public static TheoryData<string> ScriptAttempts => new()
    {
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](java&#09;script:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click]( javascript:alert(1) )",
        "<javascript:alert(1)>",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![picture](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<svg onload=alert(1)>",
        "[click](#){onclick=\"alert(1)\"}",
        "<iframe src=\"https://evil.example\"></iframe>",
    };

    [Theory]
    [MemberData(nameof(ScriptAttempts))]
    public void Markdown_cannot_put_script_on_a_page(string markdown)
    {
        var html = Render(markdown);

        Assert.DoesNotMatch(ScriptingAddress(), html);
        Assert.DoesNotMatch(EventAttribute(), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[NHS](https://www.nhs.uk)", "href=\"https://www.nhs.uk\"")]
    [InlineData("[call](tel:111)", "href=\"tel:111\"")]
    [InlineData("[mail](mailto:clinic@example.org)", "href=\"mailto:clinic@example.org\"")]
    [InlineData("[signs](/articles/signs#one-side)", "href=\"/articles/signs#one-side\"")]
    [InlineData("[time](/articles/a?at=10:30)", "href=\"/articles/a?at=10:30\"")]
    public void Safe_links_are_kept(string markdown, string expected) =>
        Assert.Contains(expected, Render(markdown), StringComparison.Ordinal);

    [GeneratedRegex(@"(href|src)\s*=\s*""\s*(javascript|vbscript|data):", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptingAddress();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventAttribute();

    private void AssertLeftOut(string fileName, string reason)
    {
        _content.WriteArticle("good", "Good");

        var snapshot = Load();

        Assert.Equal(["good"], snapshot.Articles.Select(a => a.Slug));
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal($"articles/{fileName}", problem.File);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_alias_bomb_is_left_out()
    {
        var bomb = new StringBuilder("---\ntitle: Bomb\nsummary: s\ncategory: signs\nlast_reviewed: 2026-01-01\nnext_review: 2027-01-01\n");
        bomb.Append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            bomb.Append($"{level}: &{level} [*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous}]\n");
        }

        bomb.Append("references: *i\n---\n\nBody.\n");
        _content.Write("bomb.md", bomb.ToString());

        AssertLeftOut("bomb.md", "YAML anchor or alias");
    }

    [Fact]
    public void File_over_1_MB_is_left_out()
    {
        _content.Write("huge.md", ArticleText.Valid("Huge", body: new string('a', ArticleFiles.MaxFileBytes + 10)));

        AssertLeftOut("huge.md", "larger than 1 MB");
    }

    [Fact]
    public void Binary_file_is_left_out()
    {
        File.WriteAllBytes(Path.Combine(_content.ArticlesFolder, "picture.md"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);

        AssertLeftOut("picture.md", "not text");
    }

    [Fact]
    public void File_that_is_not_UTF8_is_left_out()
    {
        File.WriteAllBytes(Path.Combine(_content.ArticlesFolder, "latin1.md"), Encoding.Latin1.GetBytes(ArticleText.Valid("Caf\u00e9 \u00ff")));

        AssertLeftOut("latin1.md", "not UTF-8 text");
    }

    [Fact]
    public void Link_to_a_file_outside_the_content_folder_is_left_out()
    {
        var outside = Path.Combine(Path.GetTempPath(), "headacheinfo-tests", "outside-" + Guid.NewGuid().ToString("N") + ".md");
        Directory.CreateDirectory(Path.GetDirectoryName(outside)!);
        File.WriteAllText(outside, ArticleText.Valid("Secret from outside"));
        try
        {
            File.CreateSymbolicLink(Path.Combine(_content.ArticlesFolder, "leak.md"), outside);

            AssertLeftOut("leak.md", "outside the content folder");
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void Linked_folder_outside_the_content_folder_is_not_read()
    {
        Directory.CreateSymbolicLink(Path.Combine(_content.ArticlesFolder, "etc"), "/etc");

        AssertLeftOut("etc", "outside the content folder");
    }

    [Fact]
    public void Link_to_an_article_inside_the_folder_is_served()
    {
        _content.WriteArticle("original", "Original");
        File.CreateSymbolicLink(Path.Combine(_content.ArticlesFolder, "alias.md"), Path.Combine(_content.ArticlesFolder, "original.md"));

        Assert.Equal(["alias", "original"], Load().Articles.Select(a => a.Slug).Order());
    }

    [Fact]
    public void Slug_in_front_matter_cannot_move_an_article()
    {
        _content.Write("escape.md", ArticleText.Valid("Escape").Replace("title:", "slug: ../../../etc/passwd\ntitle:", StringComparison.Ordinal));

        AssertLeftOut("escape.md", "unknown field 'slug'");
    }

    public static TheoryData<string, string> DeeplyNested => new()
    {
        { "quotes.md", string.Concat(Enumerable.Repeat("> ", 10_000)) + "deep" },
        { "lists.md", string.Concat(Enumerable.Repeat("- ", 10_000)) + "deep" },
        // Indentation 10,000 deep would pass the 1 MB limit first; 700 levels is as deep as fits.
        { "indented-lists.md", string.Join('\n', Enumerable.Range(0, 700).Select(i => new string(' ', i * 2) + "- item")) },
        { "brackets.md", new string('[', 10_000) + "deep" + new string(']', 10_000) },
        { "ordered.md", string.Concat(Enumerable.Repeat("1. ", 10_000)) + "deep" },
    };

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public void Deeply_nested_markdown_is_left_out_without_crashing_the_process(string fileName, string body)
    {
        _content.Write(fileName, ArticleText.Valid("Deep", body: body));

        AssertLeftOut(fileName, "nested more than");
    }

    [Fact]
    public void Ordinary_nesting_still_loads()
    {
        _content.WriteArticle("nested", "Nested", body: "> quote\n>\n> - list\n>   - inner\n>     1. numbered\n\nSee [the [bracketed] part](/articles/nested).");

        var snapshot = Load();

        Assert.Empty(snapshot.Problems);
        Assert.Single(snapshot.Articles);
    }
}
