namespace HeadacheInfo.Web.PageRules;

/// <summary>Endpoint metadata on every staff page: signed-in only, never cached, never indexed.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StaffPageAttribute : Attribute;
