namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>One revision as the authorship rules need it: no text.</summary>
public sealed record RevisionStep(long Id, string Action, string Author, long? SubjectRevisionId);
