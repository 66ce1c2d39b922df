using HeadacheInfo.Web.Clinic;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>
/// One rule: when it applies, what we advise, why in plain words, and where the rule comes from. The
/// explanation may name the clinic's numbers with placeholders (see <see cref="ClinicText"/>).
/// </summary>
public sealed record TriageRule(string Id, TriageOutcome Outcome, RuleCondition When, string Explanation, string Source)
{
    /// <summary>
    /// For a rule about signs together (a high temperature with a stiff neck): how the "get help sooner" list
    /// names the combination. A list made sign by sign cannot say that two signs together need more.
    /// </summary>
    public string? WatchPhrase { get; init; }

    /// <summary>The result's heading when this rule's advice is more exact than its outcome's (be seen in person, not just advised).</summary>
    public string? Heading { get; init; }

    public string ExplanationFor(ClinicOptions clinic) => ClinicText.Fill(Explanation, clinic);

    public string HeadingFor(ClinicOptions clinic) => Heading is null ? Outcome.Heading(clinic) : ClinicText.Fill(Heading, clinic);
}
