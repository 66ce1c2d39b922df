namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>A run of words in a paragraph: added, removed or the same.</summary>
public sealed record DiffWords(string Kind, string Text);
