using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Site;

namespace HeadacheInfo.Web.Pages.Articles;

/// <summary>
/// What the article's own markup (<c>_ArticleBody.cshtml</c>) needs, so the article page and the staff preview
/// show a text the same way: the preview is what patients will see.
/// </summary>
/// <param name="Html">The article's HTML as this page shows it (the staff preview serves draft pictures from the workspace).</param>
/// <param name="Feedback">Whether to ask "Was this page helpful?": on the live page, not in a preview.</param>
public sealed record ArticleView(Article Article, string Html, bool ReviewOverdue, IReadOnlyList<Article> Related, bool Feedback)
{
    /// <summary>The sections listed under "On this page".</summary>
    public IReadOnlyList<ArticleHeading> Sections { get; } = [.. Article.Headings.Where(h => h.Level == 2)];

    public static ArticleView For(Article article, ContentSnapshot content, TimeProvider time, string? html = null, bool feedback = true) =>
        new(article, html ?? article.Html, article.FrontMatter.NextReview < time.UtcToday(), content.RelatedTo(article), feedback);
}
