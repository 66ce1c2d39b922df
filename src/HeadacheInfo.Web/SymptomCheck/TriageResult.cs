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
}
