using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Tests.SymptomCheck;

/// <summary>The fingerprint a sign-off holds for is read from the check's data, so any change to it un-signs the pages.</summary>
public sealed class CheckFingerprintTests
{
    private static readonly ClinicOptions Clinic = new();

    private static string Of(IEnumerable<Sign>? signs = null, IEnumerable<TriageRule>? rules = null, IEnumerable<TriageOutcome>? outcomes = null, ClinicOptions? clinic = null,
        IReadOnlyDictionary<string, string>? resultPages = null) =>
        CheckFingerprint.Of(signs ?? SignCatalog.All, rules ?? TriageRules.All, outcomes ?? TriageOutcome.All, clinic ?? Clinic,
            resultPages ?? CheckFingerprint.ResultPages.Value);

    [Fact]
    public void The_current_fingerprint_is_a_sha256_of_the_catalogue_rules_and_outcomes_and_the_same_each_time()
    {
        var current = CheckFingerprint.Current(Clinic);

        Assert.Matches("^[0-9a-f]{64}$", current);
        Assert.Equal(current, Of());
        Assert.Equal(current, CheckFingerprint.Current(new ClinicOptions()));
    }

    [Fact]
    public void A_different_rule_text_gives_a_different_fingerprint()
    {
        var rules = TriageRules.All.Select((rule, i) => i == 1 ? rule with { Explanation = rule.Explanation + " Changed." } : rule);

        Assert.NotEqual(Of(), Of(rules: rules));
    }

    [Fact]
    public void A_different_source_condition_or_outcome_of_a_rule_gives_a_different_fingerprint()
    {
        Assert.NotEqual(Of(), Of(rules: TriageRules.All.Select((r, i) => i == 0 ? r with { Source = r.Source + "; NICE" } : r)));
        Assert.NotEqual(Of(), Of(rules: TriageRules.All.Select(r => r.When is AtLeast least ? r with { When = least with { Count = least.Count + 1 } } : r)));
        Assert.NotEqual(Of(), Of(rules: TriageRules.All.Select(r => r.Id == "new-headache-over-50" ? r with { Outcome = TriageOutcome.Urgent } : r)));
        Assert.NotEqual(Of(), Of(rules: TriageRules.All.Reverse()));
    }

    [Fact]
    public void A_new_question_or_a_changed_label_hint_reason_or_result_note_gives_a_different_fingerprint()
    {
        var first = SignCatalog.All[0];
        Assert.NotEqual(Of(), Of(signs: SignCatalog.All.Add(first with { Id = "blood-thinners", Label = "A new headache while taking a blood thinner" })));
        Assert.NotEqual(Of(), Of(signs: SignCatalog.All.SetItem(0, first with { Label = first.Label + "." })));
        Assert.NotEqual(Of(), Of(signs: SignCatalog.All.SetItem(0, first with { Hint = "A hint." })));
        Assert.NotEqual(Of(), Of(signs: SignCatalog.All.SetItem(0, first with { Reason = first.Reason + " today" })));
        Assert.NotEqual(Of(), Of(signs: SignCatalog.All.SetItem(0, first with { ResultNote = "Tell your midwife." })));
        Assert.NotEqual(Of(), Of(signs: SignCatalog.All.SetItem(0, first with { Group = first.Group with { Legend = "Another legend" } })));
    }

    [Fact]
    public void A_result_heading_as_the_clinic_fills_it_in_is_part_of_the_fingerprint()
    {
        Assert.NotEqual(Of(), Of(clinic: new ClinicOptions { EmergencyNumber = "112" }));
        Assert.NotEqual(Of(), Of(outcomes: TriageOutcome.All.Select(o => o == TriageOutcome.Gp ? o with { Heading = _ => "See a GP this week" } : o)));
    }

    [Fact]
    public void What_each_result_page_says_in_its_own_words_is_part_of_the_fingerprint()
    {
        var pages = CheckFingerprint.ResultPages.Value;
        Assert.Equal(["_Result.emergency.cshtml", "_Result.gp.cshtml", "_Result.physio.cshtml", "_Result.urgent.cshtml"], pages.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("GP", pages["_Result.gp.cshtml"], StringComparison.Ordinal);

        var changed = pages.ToDictionary(p => p.Key, p => p.Key == "_Result.gp.cshtml" ? p.Value.Replace("GP", "doctor", StringComparison.Ordinal) : p.Value);
        Assert.NotEqual(Of(), Of(resultPages: changed));
    }
}
