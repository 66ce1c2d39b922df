using HeadacheInfo.Web.Clinic;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>
/// One rule: when it applies, what we advise, why in plain words, and where the rule comes from. The
/// explanation may name the clinic's numbers with placeholders (see <see cref="ClinicText"/>).
/// </summary>
public sealed record TriageRule(string Id, TriageOutcome Outcome, RuleCondition When, string Explanation, string Source)
{
    public string ExplanationFor(ClinicOptions clinic) => ClinicText.Fill(Explanation, clinic);
}
