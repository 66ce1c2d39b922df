namespace HeadacheInfo.Web.PageRules;

/// <summary>On a page model: the page takes a form POST. Every other page answers GET and HEAD only.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AcceptsFormPostAttribute : Attribute;
