using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Tests.SymptomCheck;

/// <summary>The safety rules, checked over many random sets of answers.</summary>
public sealed class TriageInvariantTests
{
    private static readonly string[] AllIds = [.. SignCatalog.All.Select(s => s.Id)];

    /// <summary>A random set of ticked ids.</summary>
    private static Arbitrary<string[]> Answers() =>
        Gen.ListOf(Gen.Elements(AllIds)).Select(ids => ids.Distinct().ToArray()).ToArbitrary();

    private static int Tier(IEnumerable<string> ids) => SymptomTriage.Assess([.. ids]).Outcome.Tier;

    [Property(MaxTest = 1000)]
    public Property Any_emergency_sign_gives_emergency() =>
        Prop.ForAll(Answers(), Gen.Elements([.. SignCatalog.IdsIn(SignGroup.Emergency)]).ToArbitrary(),
            (ticked, emergency) => SymptomTriage.Assess([.. ticked.Append(emergency).Distinct()]).Outcome == TriageOutcome.Emergency);

    [Property(MaxTest = 1000)]
    public Property Any_urgent_sign_gives_at_least_urgent() =>
        Prop.ForAll(Answers(), Gen.Elements([.. SignCatalog.IdsIn(SignGroup.Urgent)]).ToArbitrary(),
            (ticked, urgent) => Tier(ticked.Append(urgent).Distinct()) >= TriageOutcome.Urgent.Tier);

    [Property(MaxTest = 2000)]
    public Property Ticking_one_more_box_never_lowers_urgency() =>
        Prop.ForAll(Answers(), Gen.Elements(AllIds).ToArbitrary(),
            (ticked, extra) => Tier(ticked.Append(extra).Distinct()) >= Tier(ticked));

    [Property(MaxTest = 500)]
    public Property Every_answer_gets_one_of_the_four_outcomes_with_its_reasons_among_the_ticks() =>
        Prop.ForAll(Answers(), ticked =>
        {
            var result = SymptomTriage.Assess(ticked);
            return TriageOutcome.All.Contains(result.Outcome) && result.DecidingSigns.All(s => ticked.Contains(s.Id));
        });
}
