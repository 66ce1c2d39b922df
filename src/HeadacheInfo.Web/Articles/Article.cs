using System.Collections.Immutable;

namespace HeadacheInfo.Web.Articles;

/// <summary>One published article: its front matter and its body, already rendered to HTML.</summary>
public sealed record Article(
    string Slug,
    string File,
    ArticleFrontMatter FrontMatter,
    string Html,
    ImmutableArray<ArticleHeading> Headings,
    ArticleBodyFacts Body)
{
    public string Title => FrontMatter.Title;

    public string Summary => FrontMatter.Summary;

    public ArticleCategory Category => FrontMatter.Category;
}
