using System.Collections.Immutable;
using HeadacheInfo.Web.Articles.CareCards;
using HeadacheInfo.Web.Clinic;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>
/// Where the symptom check sends someone. <see cref="Tier"/> is the urgency: emergency above urgent above
/// routine. A GP and a physiotherapist are both routine: they differ in who is best placed to help, not in
/// how soon. <see cref="Heading"/> states the advice; <see cref="Card"/> is the care card it is shown in.
/// </summary>
public sealed record TriageOutcome(string Key, int Tier, CareCardKind Card, Func<ClinicOptions, string> Heading)
{
    public static readonly TriageOutcome Emergency = new("emergency", 2, CareCardKind.Emergency, clinic => $"Call {clinic.EmergencyNumber} now");

    public static readonly TriageOutcome Urgent = new("urgent", 1, CareCardKind.Urgent, _ => "Get medical advice today");

    public static readonly TriageOutcome Gp = new("gp", 0, CareCardKind.Info, _ => "See a GP in the next few days");

    public static readonly TriageOutcome Physio = new("physio", 0, CareCardKind.Info, _ => "See a physiotherapist");

    public static ImmutableArray<TriageOutcome> All { get; } = [Emergency, Urgent, Gp, Physio];
}
