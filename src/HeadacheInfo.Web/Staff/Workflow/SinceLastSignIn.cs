namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>What happened since the previous sign-in; <paramref name="Since"/> is null at someone's first.</summary>
public sealed record SinceLastSignIn(DateTimeOffset? Since, IReadOnlyList<WorkEvent> Events);
