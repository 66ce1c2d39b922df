using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Tests.SymptomCheck;

public sealed class RelatedArticlesTests
{
    public static TheoryData<string> Slugs()
    {
        var slugs = new TheoryData<string>();
        foreach (var slug in RelatedArticles.Slugs)
        {
            slugs.Add(slug);
        }

        return slugs;
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void Every_article_a_result_points_to_is_a_shipped_file(string slug) =>
        Assert.True(File.Exists(Path.Combine(RepositoryFolders.Content, "articles", slug + ".md")),
            $"RelatedArticles names '{slug}', but content/articles/{slug}.md does not exist");
}
