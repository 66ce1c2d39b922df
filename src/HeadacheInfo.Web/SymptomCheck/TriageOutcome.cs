using System.Collections.Immutable;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>
/// Where the symptom check sends someone. <see cref="Tier"/> is the urgency: emergency above urgent above
/// routine. A GP and a physiotherapist are both routine: they differ in who is best placed to help, not in
/// how soon.
/// </summary>
public sealed record TriageOutcome(string Key, int Tier, string Title)
{
    public static readonly TriageOutcome Emergency = new("emergency", 2, "Call the emergency number now");

    public static readonly TriageOutcome Urgent = new("urgent", 1, "Get medical advice today");

    public static readonly TriageOutcome Gp = new("gp", 0, "See a GP");

    public static readonly TriageOutcome Physio = new("physio", 0, "See a physiotherapist");

    public static ImmutableArray<TriageOutcome> All { get; } = [Emergency, Urgent, Gp, Physio];
}
