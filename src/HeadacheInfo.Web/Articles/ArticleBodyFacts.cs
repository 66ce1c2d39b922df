using System.Collections.Immutable;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// What the content checker and search need to know about an article's body, gathered once when the
/// article is parsed. Lines are lines of the file (1-based).
/// </summary>
public sealed record ArticleBodyFacts(
    ImmutableArray<string> ProseParagraphs,
    ImmutableArray<ArticleLink> Links,
    ImmutableArray<ArticleImage> Images,
    ImmutableArray<ArticleContainer> Containers,
    ImmutableArray<ArticlePassage> Passages);
