using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Tests.ContentCheck;

public sealed class ContentCheckCommandTests : IDisposable
{
    private readonly TemporaryContentFolder _content = new();

    public void Dispose() => _content.Dispose();

    private static (int ExitCode, string[] Lines) Run(params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = ContentCheckCommand.Run(["check-content", .. args], output);
        return (exitCode, output.ToString().TrimEnd().Split('\n'));
    }

    /// <summary>
    /// An article every symptom-check result can point to: it suits them all, so it lists every sign that
    /// needs help soon, each in a card of its tier, as the checker asks of the article an emergency suits.
    /// </summary>
    private void WriteArticleForEveryResult(string slug, string title, string body = "")
    {
        var cards = string.Concat(HeadacheInfo.Web.SymptomCheck.SignCatalog.All
            .Select(sign => (Sign: sign, Card: SignTiers.CardFor(sign)))
            .Where(x => x.Card != HeadacheInfo.Web.Articles.CareCards.CareCardKind.Info)
            .Select(x => $"\n::: {x.Card.Key}\n- {x.Sign.Label}\n:::\n"));
        _content.WriteArticle(slug, title, body: ArticleText.DefaultBody + cards + "\n" + body, suits: "[emergency, urgent, gp, physio]");
    }

    [Fact]
    public void Folder_with_errors_exits_1_and_sums_up_on_the_last_line()
    {
        WriteArticleForEveryResult("good", "Good", body: "See [gone](/articles/gone).");
        _content.Write("broken.md", "no front matter");

        var (exitCode, lines) = Run(_content.Root);

        Assert.Equal(1, exitCode);
        Assert.Contains(lines, l => l.StartsWith("articles/broken.md: NOT PUBLISHABLE", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("error   line 1: the file must start with front matter", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("there is no article called 'gone'", StringComparison.Ordinal));
        Assert.Matches(@"^Checked 2 files: 2 errors, \d+ warnings?\.$", lines[^1]);
    }

    [Fact]
    public void Folder_without_errors_exits_0()
    {
        WriteArticleForEveryResult("good", "Good");

        var (exitCode, lines) = Run(_content.Root);

        Assert.Equal(0, exitCode);
        Assert.Contains(lines, l => l.StartsWith("articles/good.md: ok", StringComparison.Ordinal) && l.Contains("reading grade", StringComparison.Ordinal));
        Assert.Matches(@"^Checked 1 file: 0 errors, \d+ warnings?\.$", lines[^1]);
    }

    [Fact]
    public void Missing_folder_exits_1_and_says_so()
    {
        var (exitCode, lines) = Run(Path.Combine(_content.Root, "nope"));

        Assert.Equal(1, exitCode);
        Assert.Contains("does not exist", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_putting_an_emergency_sign_in_an_info_card_exits_1_naming_the_sign_its_tier_and_the_card()
    {
        var sign = HeadacheInfo.Web.SymptomCheck.SignCatalog.Find("thunderclap")!;
        _content.WriteArticle("calm", "Calm", body: $"::: info\n{sign.Label}: rest and see how it goes.\n:::");

        var (exitCode, lines) = Run(_content.Root);

        Assert.Equal(1, exitCode);
        Assert.Contains(lines, l => l.StartsWith("articles/calm.md: NOT PUBLISHABLE", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("error", StringComparison.Ordinal) && l.Contains("'thunderclap'", StringComparison.Ordinal)
            && l.Contains("an emergency", StringComparison.Ordinal) && l.Contains("'::: info' card", StringComparison.Ordinal));
    }

    [Fact]
    public void An_article_with_the_emergency_number_typed_out_exits_1()
    {
        _content.WriteArticle("typed", "Typed", body: "If it gets worse, call 999.");

        var (exitCode, lines) = Run(_content.Root);

        Assert.Equal(1, exitCode);
        Assert.Contains(lines, l => l.Contains("error", StringComparison.Ordinal) && l.Contains("'999' is written out", StringComparison.Ordinal));
    }
}
