using System.Collections.Immutable;

namespace HeadacheInfo.Web.Articles;

/// <summary>Either the typed front matter, or the problems that stopped it.</summary>
public sealed record FrontMatterResult(ArticleFrontMatter? FrontMatter, ImmutableArray<ContentProblem> Problems)
{
    public static FrontMatterResult Failed(ContentProblem problem) => new(null, [problem]);
}
