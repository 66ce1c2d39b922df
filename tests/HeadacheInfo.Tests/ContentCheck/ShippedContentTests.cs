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

    [Fact]
    public void Every_exercise_and_the_nerve_diagram_have_a_picture_with_alt_text_and_a_caption()
    {
        var exercises = File.ReadAllText(Path.Combine(RepositoryFolders.Content, "articles", "gentle-exercises-at-home.md"));
        var sections = System.Text.RegularExpressions.Regex.Split(exercises, @"\n(?=## \d\. )").Skip(1).ToList();
        var nerves = File.ReadAllText(Path.Combine(RepositoryFolders.Content, "articles", "how-the-neck-causes-head-pain.md"));

        Assert.Equal(5, sections.Count);
        Assert.All(sections.Append(nerves), section =>
        {
            var picture = System.Text.RegularExpressions.Regex.Match(section, @"!\[(?<alt>[^\]]{20,})\]\(/images/(?<file>[a-z-]+\.svg)\)\s*\n\s*\n\*[^*]+\*");
            Assert.True(picture.Success, "a picture with alt text and a caption under it");
            Assert.True(File.Exists(Path.Combine(RepositoryFolders.Content, "images", picture.Groups["file"].Value)));
        });
    }
}
