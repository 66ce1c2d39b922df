using System.Collections.Immutable;

namespace HeadacheInfo.Web.Articles;

/// <summary>The YAML block at the top of an article file, checked and typed.</summary>
public sealed record ArticleFrontMatter(
    string Title,
    string Summary,
    ArticleCategory Category,
    int? Order,
    DateOnly LastReviewed,
    DateOnly NextReview,
    string? Author,
    string? Reviewer,
    ImmutableArray<string> References,
    bool Draft);
