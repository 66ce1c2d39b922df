using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>The articles worth reading after a result: those whose front matter says they suit it (<c>suits:</c>).</summary>
public static class RelatedArticles
{
    /// <summary>
    /// In order: by the first of the result's situations each suits (see <see cref="ResultSituation.All"/>),
    /// then in the site's order; articles about getting help sooner close the list whatever else they suit,
    /// as every result ends with the signs that need help sooner.
    /// </summary>
    public static IReadOnlyList<Article> For(TriageResult result, ContentSnapshot content)
    {
        var situations = ResultSituation.All.Where(s => s.AppliesTo(result)).Select(s => s.Key).ToList();
        return
        [
            .. content.Articles
                .Select(article => (Article: article, At: situations.FindIndex(article.FrontMatter.Suits.Contains)))
                .Where(x => x.At >= 0)
                .OrderBy(x => ResultSituation.AboutHelpSooner(x.Article.FrontMatter.Suits))
                .ThenBy(x => x.At)
                .Select(x => x.Article),
        ];
    }

    public static bool Suits(Article article, ResultSituation situation) =>
        article.FrontMatter.Suits.Contains(situation.Key, StringComparer.Ordinal);
}
