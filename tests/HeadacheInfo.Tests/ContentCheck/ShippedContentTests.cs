using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Tests.ContentCheck;

/// <summary>The articles in the repository's own content/ folder, as the checker sees them.</summary>
public sealed class ShippedContentTests
{
    private static readonly ContentCheckReport Report = new ContentChecker(
            new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), TimeProvider.System),
            TimeProvider.System,
            new ClinicOptions())
        .Check(RepositoryFolders.Content);

    [Fact]
    public void Shipped_content_has_no_errors()
    {
        var errors = Report.Files.SelectMany(f => f.Findings.Where(x => x.Severity == FindingSeverity.Error).Select(x => $"{f.File}: {x}"));

        Assert.Empty(errors);
    }

    [Fact]
    public void Every_shipped_article_reads_at_grade_8_or_below()
    {
        Assert.All(Report.Files, file =>
        {
            Assert.NotNull(file.Grade);
            Assert.True(file.Grade.Grade <= ContentChecker.TargetGrade, $"{file.File} reads at grade {file.Grade.Grade}");
        });
    }
}
