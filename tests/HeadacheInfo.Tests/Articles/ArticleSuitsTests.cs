using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Tests.Articles;

/// <summary>The <c>suits:</c> field: which symptom-check results an article suits, read and checked.</summary>
public sealed class ArticleSuitsTests : IDisposable
{
    private readonly TemporaryContentFolder _content = new();

    public void Dispose() => _content.Dispose();

    private ContentSnapshot Load() =>
        new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), TimeProvider.System)
            .Load(_content.Root, includeDrafts: false, version: 1);

    private ContentCheckReport Check() =>
        new ContentChecker(
                new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), TimeProvider.System),
                FixedTime.On(2026, 11, 24), new ClinicOptions())
            .Check(_content.Root);

    [Theory]
    [InlineData("[gp, physio]", new[] { "gp", "physio" })]
    [InlineData("\n  - other-headache\n  - painkillers-often", new[] { "other-headache", "painkillers-often" })]
    [InlineData("urgent", new[] { "urgent" })]
    [InlineData("", new string[0])]
    public void Suits_is_read_as_a_list_of_results(string suits, string[] expected)
    {
        _content.Write("neck.md", ArticleText.Valid("Neck", suits: suits));

        Assert.Equal(expected, Assert.Single(Load().Articles).FrontMatter.Suits);
    }

    [Theory]
    [InlineData("[gp, hospital]", "unknown result 'hospital'")]
    [InlineData("[gp, [physio]]", "each item under 'suits' must be one result")]
    [InlineData("\n  gp: yes", "'suits' must be a list of results")]
    public void A_result_the_check_does_not_give_keeps_the_file_out_with_its_line_and_reason(string suits, string reason)
    {
        _content.Write("neck.md", ArticleText.Valid("Neck", suits: suits));

        var snapshot = Load();

        Assert.Empty(snapshot.Articles);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal("articles/neck.md", problem.File);
        Assert.Equal(12, problem.Line);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.Contains("urgent, emergency", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checker_reports_each_result_no_article_suits()
    {
        _content.Write("neck.md", ArticleText.Valid("Neck", suits: "[gp, physio]"));
        _content.Write("later.md", ArticleText.Valid("Later", draft: true, suits: "[urgent]"));

        var report = Check();

        Assert.Equal(2, report.ContentFindings.Count(f => f.Severity == FindingSeverity.Error));
        Assert.Contains(report.ContentFindings, f => f.Message.Contains("result 'emergency'", StringComparison.Ordinal));
        Assert.Contains(report.ContentFindings, f => f.Message.Contains("result 'urgent'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_checker_is_content_when_every_result_has_an_article()
    {
        _content.Write("neck.md", ArticleText.Valid("Neck", suits: "[gp, physio, urgent, emergency]"));

        Assert.Empty(Check().ContentFindings);
    }

    [Fact]
    public void Setting_other_fields_leaves_suits_as_written()
    {
        var text = ArticleText.Valid("Neck", suits: "[ physio,  gp ]  # after the GP");

        var edited = FrontMatterEditor.Set(text, [("title", FrontMatterEditor.Quote("Neck pain"))]);

        Assert.NotNull(edited);
        Assert.Contains("\nsuits: [ physio,  gp ]  # after the GP\n", edited, StringComparison.Ordinal);
    }
}
