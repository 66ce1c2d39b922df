using System.Collections.Immutable;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>
/// Something a symptom-check result can be, that an article can say it suits (<c>suits:</c> in its front
/// matter). <see cref="All"/> is also the order a result page lists the articles in: those for a
/// physiotherapist first, those about getting help sooner last.
/// </summary>
public sealed record ResultSituation(string Key, Func<TriageResult, bool> AppliesTo)
{
    /// <summary>A physiotherapist may help: the physio outcome, or a GP outcome with two or more neck signs.</summary>
    public static readonly ResultSituation Physio = new(TriageOutcome.Physio.Key,
        result => result.Outcome == TriageOutcome.Physio || result.PhysioMayHelpAfterGp);

    /// <summary>
    /// A routine result with a sign that means a doctor checks the neck before anything else (a condition that can
    /// loosen its top joints, or hands and walking getting worse): the article about the GP comes first.
    /// </summary>
    public static readonly ResultSituation DoctorChecksNeckFirst = new("doctor-checks-neck-first",
        result => result.Outcome.Tier == TriageOutcome.Physio.Tier && result.Ticked.Any(sign => TriageRules.DoctorChecksNeckFirst.Contains(sign.Id)));

    /// <summary>A physiotherapist may help and nothing says a doctor must check the neck first: exercises to start at home.</summary>
    public static readonly ResultSituation ExercisesAtHome = new("exercises-at-home",
        result => Physio.AppliesTo(result) && !result.Ticked.Any(sign => TriageRules.DoctorChecksNeckFirst.Contains(sign.Id)));

    public static readonly ResultSituation Gp = new(TriageOutcome.Gp.Key, result => result.Outcome == TriageOutcome.Gp);

    /// <summary>A GP outcome with a sign of another kind of headache (such as migraine) ticked.</summary>
    public static readonly ResultSituation OtherHeadache = new("other-headache",
        result => result.Outcome == TriageOutcome.Gp && result.Ticked.Any(sign => sign.Group == SignGroup.OtherPattern));

    /// <summary>Painkillers taken on 10 or more days a month, whatever the outcome.</summary>
    public static readonly ResultSituation PainkillersOften = new(SignCatalog.PainkillersOften,
        result => result.Ticked.Any(sign => sign.Id == SignCatalog.PainkillersOften));

    public static readonly ResultSituation Urgent = new(TriageOutcome.Urgent.Key, result => result.Outcome == TriageOutcome.Urgent);

    public static readonly ResultSituation Emergency = new(TriageOutcome.Emergency.Key, result => result.Outcome == TriageOutcome.Emergency);

    public static ImmutableArray<ResultSituation> All { get; } = [DoctorChecksNeckFirst, Physio, ExercisesAtHome, Gp, OtherHeadache, PainkillersOften, Urgent, Emergency];

    public static ResultSituation? FromKey(string key) => All.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal));

    /// <summary>An article that suits an emergency or urgent result is about getting help sooner.</summary>
    public static bool AboutHelpSooner(IEnumerable<string> suits) =>
        suits.Any(key => key == Emergency.Key || key == Urgent.Key);
}
