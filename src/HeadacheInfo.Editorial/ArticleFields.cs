namespace HeadacheInfo.Editorial;

/// <summary>
/// The names of an article file's front matter fields: the one list every reader, writer and hash uses.
/// </summary>
public static class ArticleFields
{
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Category = "category";
    public const string Order = "order";
    public const string LastReviewed = "last_reviewed";
    public const string NextReview = "next_review";
    public const string Author = "author";
    public const string Reviewer = "reviewer";
    public const string References = "references";
    public const string Draft = "draft";
    public const string ReviewFingerprint = "review_fingerprint";
    public const string Changes = "changes";
    public const string Suits = "suits";

    /// <summary>Every field an article may have, in the order the checker names them.</summary>
    public static readonly IReadOnlyList<string> All =
        [Title, Summary, Category, Order, LastReviewed, NextReview, Author, Reviewer, References, Draft, ReviewFingerprint, Changes, Suits];

    /// <summary>The fields an article cannot do without.</summary>
    public static readonly IReadOnlyList<string> Required = [Title, Summary, Category, LastReviewed, NextReview];

    /// <summary>
    /// The fields a sign-off writes, so the ones its hash leaves out: what a clinician signed off is everything
    /// else (see <see cref="ArticleFile.SignOffHash(string)"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> Review = [LastReviewed, NextReview, Reviewer, ReviewFingerprint, Draft];
}
