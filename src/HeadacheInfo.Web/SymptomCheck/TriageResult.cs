using System.Collections.Immutable;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>The advice for one set of answers: the outcome, the rule that decided it, and the answers behind it.</summary>
public sealed record TriageResult(
    TriageOutcome Outcome,
    TriageRule Rule,
    ImmutableArray<Sign> DecidingSigns,
    ImmutableArray<Sign> Ticked)
{
    /// <summary>Two or more neck signs alongside a GP outcome: a physiotherapist may help once the GP has checked.</summary>
    public bool PhysioMayHelpAfterGp =>
        Outcome == TriageOutcome.Gp && Ticked.Count(s => s.Group == SignGroup.NeckPattern) >= 2;

    public bool NothingTicked => Ticked.IsEmpty;

    /// <summary>
    /// The warning signs to watch for after this result, each in the tier it would need for this person: the
    /// rules say, not the sign's group alone, so with a stiff neck ticked a high temperature is an emergency.
    /// </summary>
    public (ImmutableArray<Sign> Emergency, ImmutableArray<Sign> Urgent) HelpSooner()
    {
        var ticked = Ticked.Select(s => s.Id).ToList();
        var watch = SignCatalog.All
            .Where(s => s.Group == SignGroup.Emergency || s.Group == SignGroup.Urgent)
            .Select(s => (Sign: s, Outcome: SymptomTriage.Assess([.. ticked.Append(s.Id).Distinct(StringComparer.Ordinal)]).Outcome))
            .ToList();
        return ([.. watch.Where(w => w.Outcome == TriageOutcome.Emergency).Select(w => w.Sign)],
            [.. watch.Where(w => w.Outcome == TriageOutcome.Urgent).Select(w => w.Sign)]);
    }
}
