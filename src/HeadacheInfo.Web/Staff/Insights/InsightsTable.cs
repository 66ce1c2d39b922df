using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Web.Staff.Insights;

/// <summary>A two-column table on /staff/insights (<c>_InsightsTable.cshtml</c>); <paramref name="Name"/> is its <c>data-insights</c>.</summary>
public sealed record InsightsTable(string Name, string KeyHeading, string CountHeading, IReadOnlyList<InsightsRow> Rows, string Empty)
{
    /// <summary>An outcome as a column heading: short enough for a phone's width.</summary>
    public static string OutcomeName(TriageOutcome outcome) => outcome.Key switch
    {
        "emergency" => "Emergency",
        "urgent" => "Urgent",
        "gp" => "GP",
        "physio" => "Physio",
        _ => outcome.Key,
    };
}
