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
    bool Draft,
    string? ReviewFingerprint = null)
{
    /// <summary>
    /// A clinician at this clinic signed off this very text: a reviewer is named and the file still matches
    /// the fingerprint the sign-off wrote (see <see cref="SignOff"/>). Worked out when the file is parsed; only
    /// an approval or a "Confirm still accurate" in the staff workspace writes both.
    /// </summary>
    public bool ClinicallySignedOff { get; init; }

    /// <summary>The public change log (<c>changes:</c>), as written: see <see cref="ArticleChanges"/>.</summary>
    public ImmutableArray<ArticleChange> Changes { get; init; } = [];

    /// <summary>
    /// The symptom-check results this article suits (<c>suits:</c>), by the keys of
    /// <see cref="SymptomCheck.ResultSituation"/>: a result page lists the articles that suit it.
    /// </summary>
    public ImmutableArray<string> Suits { get; init; } = [];

    /// <summary>The file's line holding <c>category:</c>, where a category the site no longer lists is reported.</summary>
    public int? CategoryLine { get; init; }
}
