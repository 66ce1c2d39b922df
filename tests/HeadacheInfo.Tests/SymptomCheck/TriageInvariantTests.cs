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

    private static readonly string[] WarningIds = [.. SignCatalog.All.Where(s => s.IsWarning).Select(s => s.Id)];

    [Property(MaxTest = 2000)]
    public Property Ticking_one_more_warning_sign_never_lowers_urgency() =>
        Prop.ForAll(Answers(), Gen.Elements(WarningIds).ToArbitrary(),
            (ticked, extra) => Tier(ticked.Append(extra).Distinct()) >= Tier(ticked));

    [Property(MaxTest = 1000)]
    public Property A_high_temperature_with_sickness_light_or_feeling_very_unwell_is_always_an_emergency() =>
        Prop.ForAll(Answers(), Gen.Elements([.. TriageRules.FeverEmergencyCompanions]).ToArbitrary(),
            (ticked, with) => SymptomTriage.Assess([.. ticked.Append("fever").Append(with).Distinct()]).Outcome == TriageOutcome.Emergency);

    [Property(MaxTest = 1000)]
    public Property Every_ticked_warning_sign_is_among_the_reasons_whichever_rule_decides() =>
        Prop.ForAll(Answers(), ticked =>
        {
            var result = SymptomTriage.Assess(ticked);
            return ticked.Where(id => SignCatalog.Find(id)!.IsWarning).All(id => result.Reasons.Any(s => s.Id == id));
        });

    [Property(MaxTest = 1000)]
    public Property A_neck_manipulation_or_sudden_neck_pain_is_never_told_it_is_not_usually_an_emergency() =>
        Prop.ForAll(Answers(), Gen.Elements([.. TriageRules.SeenInPersonToday]).ToArbitrary(), (ticked, id) =>
        {
            var result = SymptomTriage.Assess([.. ticked.Append(id).Distinct()]);
            return result.Outcome.Tier >= TriageOutcome.Urgent.Tier && result.MustBeSeenInPersonToday
                && !result.Rule.Explanation.Contains("not usually an emergency", StringComparison.OrdinalIgnoreCase);
        });

    [Property(MaxTest = 1000)]
    public Property A_warning_sign_or_a_neck_condition_never_leaves_the_result_at_physiotherapy() =>
        Prop.ForAll(Answers(), Gen.Elements(WarningIds).ToArbitrary(),
            (ticked, warning) => SymptomTriage.Assess([.. ticked.Append(warning).Distinct()]).Outcome != TriageOutcome.Physio);
}
