namespace HeadacheInfo.Web.Feedback;

/// <summary>What the form closing one comment shows: the comment, the revisions to choose from, and whether it opens in a new tab.</summary>
public sealed record CloseFeedbackForm(ArticleFeedback Feedback, IReadOnlyList<RevisionChoice> Choices, bool NewTab);
