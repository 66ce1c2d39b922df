namespace HeadacheInfo.Web.Feedback;

/// <summary>
/// One answer to "Was this page helpful?": the article, yes or no, an optional comment with email addresses
/// and phone numbers taken out, and the day. Anonymous: no cookie, address or browser is kept.
/// </summary>
public sealed class ArticleFeedback
{
    public long Id { get; set; }

    public string Slug { get; set; } = string.Empty;

    public bool Helpful { get; set; }

    public string? Comment { get; set; }

    public DateOnly On { get; set; }

    /// <summary>Null while a "No" comment is open; else one of <see cref="FeedbackResolutions"/>.</summary>
    public string? Resolution { get; set; }

    /// <summary>Why it was closed, in the words of the member of staff who closed it.</summary>
    public string? ResolutionNote { get; set; }

    /// <summary>The email of the account that closed it.</summary>
    public string? ResolvedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>For "dealt with": the revision of the article that answered it, if any.</summary>
    public long? AnsweredByRevisionId { get; set; }
}
