using System.Collections.Immutable;

namespace HeadacheInfo.Web.Articles;

/// <summary>Either the parsed article, or the problems that kept it out.</summary>
public sealed record ArticleParseResult(Article? Article, ImmutableArray<ContentProblem> Problems)
{
    public static ArticleParseResult Failed(ContentProblem problem) => new(null, [problem]);
}
