namespace HeadacheInfo.Editorial;

/// <summary>The person acting, as the rules see them: who they are and, from their current roles, whether they review.</summary>
public sealed record EditorialActor(string Email, bool IsReviewer);
