namespace HeadacheInfo.Web.Staff.Insights;

/// <summary>One week of symptom-check results (from Monday), with how many of each outcome (by its key).</summary>
public sealed record CheckResultsWeek(DateOnly From, IReadOnlyDictionary<string, int> ByOutcome);
