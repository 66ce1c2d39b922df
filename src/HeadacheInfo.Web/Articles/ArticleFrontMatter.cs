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
    bool Draft)
{
    /// <summary>
    /// A clinician at this clinic has signed the article off: only an approval or a "Confirm still accurate"
    /// in the staff workspace writes the reviewer, so without one the page claims no clinical review.
    /// </summary>
    public bool ClinicallySignedOff => !string.IsNullOrWhiteSpace(Reviewer);
}
