using System.Collections.Immutable;
using HeadacheInfo.Web.Clinic;

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
    /// What the result gives as its reasons, each with its own note: the signs that decided it and every other
    /// warning sign ticked (a child's rule must not hide a pregnancy's midwife advice); when no sign decided, all
    /// the answers.
    /// </summary>
    public ImmutableArray<Sign> Reasons =>
        DecidingSigns.IsEmpty ? Ticked : [.. Ticked.Where(s => s.IsWarning || DecidingSigns.Contains(s))];

    /// <summary>A sign of a possible artery tear: to be seen in person today, not advised by phone alone.</summary>
    public bool MustBeSeenInPersonToday => Ticked.Any(s => TriageRules.SeenInPersonToday.Contains(s.Id));

    /// <summary>A stroke sign: the emergency result says to call, and nothing about going to A&amp;E.</summary>
    public bool CallOnly => Ticked.Any(s => TriageRules.CallOnly.Contains(s.Id));

    public bool Has(string id) => Ticked.Any(s => s.Id == id);

    /// <summary>
    /// The result's heading: the outcome's, unless a rule of the same outcome that fits these answers words its
    /// advice more exactly (after a neck manipulation, "be seen in person today" even when a child's rule decided).
    /// </summary>
    public string Heading(ClinicOptions clinic)
    {
        var ticked = Ticked.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var exact = TriageRules.All.FirstOrDefault(r => r.Outcome == Outcome && r.Heading is not null && r.When.Match(ticked) is not null);
        return (exact ?? Rule).HeadingFor(clinic);
    }

    /// <summary>
    /// Each ticked sign's own advice, once: two signs with the same note (a manipulation and a sudden neck pain)
    /// give one line, named for both.
    /// </summary>
    public ImmutableArray<(string Text, ImmutableArray<Sign> For)> Notes(ClinicOptions clinic) =>
    [
        .. Ticked.Where(s => s.ResultNote is not null)
            .GroupBy(s => ClinicText.Fill(s.ResultNote!, clinic), StringComparer.Ordinal)
            .Select(g => (g.Key, g.ToImmutableArray())),
    ];

    /// <summary>
    /// The rules about signs together that would make this result more urgent, named as the rule names them
    /// (<see cref="TriageRule.WatchPhrase"/>): the "get help sooner" lists add them to the signs one by one.
    /// </summary>
    public ImmutableArray<TriageRule> WatchCombinations =>
        [.. TriageRules.All.Where(r => r.WatchPhrase is not null && r.Outcome.Tier > Outcome.Tier)];

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
