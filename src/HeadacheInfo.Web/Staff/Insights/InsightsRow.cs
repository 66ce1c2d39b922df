namespace HeadacheInfo.Web.Staff.Insights;

/// <summary>One line of a table on /staff/insights: what (a search or a page) and how many times.</summary>
public sealed record InsightsRow(string Key, int Count);
