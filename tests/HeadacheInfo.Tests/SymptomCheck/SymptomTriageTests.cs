using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Tests.SymptomCheck;

public sealed class SymptomTriageTests
{
    private static TriageResult Assess(params string[] ids) => SymptomTriage.Assess(ids);

    public static TheoryData<string, string> EverySignAlone()
    {
        var data = new TheoryData<string, string>();
        foreach (var sign in SignCatalog.All)
        {
            var expected = sign.Group == SignGroup.Emergency ? "emergency"
                : sign.Group == SignGroup.Urgent ? "urgent"
                : "gp"; // about you and other patterns go to a GP; one neck sign alone is too few to point at the neck
            data.Add(sign.Id, expected);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EverySignAlone))]
    public void Every_sign_alone_gives_its_expected_outcome(string id, string outcome)
    {
        var result = Assess(id);

        Assert.Equal(outcome, result.Outcome.Key);
    }

    [Fact]
    public void The_catalog_has_every_id_the_contract_names_and_no_others()
    {
        string[] contract =
        [
            "thunderclap", "neuro-deficit", "vision-loss", "confusion", "fever-stiff-neck", "head-injury", "artery-signs", "red-eye",
            "jaw-scalp", "blurred-vision", "cough-strain", "positional", "vomiting", "cancer-immune", "pregnant", "getting-worse",
            "recent-injury", "fever-unwell", "new-over-50", "one-side", "starts-in-neck", "neck-movement", "neck-stiff",
            "neck-pressure", "shoulder-arm", "dull", "throbbing", "nausea-light", "aura", "painkillers-often", "eye-watering",
        ];

        Assert.Equal(contract, SignCatalog.All.Select(s => s.Id));
    }

    [Fact]
    public void Nothing_ticked_gives_gp_and_says_so()
    {
        var result = Assess();

        Assert.Equal(TriageOutcome.Gp, result.Outcome);
        Assert.True(result.NothingTicked);
        Assert.Equal("not-enough-to-point-at-the-neck", result.Rule.Id);
    }

    [Fact]
    public void Fever_with_a_stiff_neck_is_an_emergency_though_each_alone_is_not()
    {
        var result = Assess("fever-unwell", "neck-stiff");

        Assert.Equal(TriageOutcome.Emergency, result.Outcome);
        Assert.Equal("fever-and-stiff-neck", result.Rule.Id);
        Assert.Equal(["fever-unwell", "neck-stiff"], result.DecidingSigns.Select(s => s.Id));
    }

    [Theory]
    [InlineData("one-side", "starts-in-neck")]
    [InlineData("neck-movement", "neck-stiff")]
    [InlineData("neck-pressure", "dull")]
    [InlineData("one-side", "starts-in-neck", "neck-movement", "neck-stiff", "neck-pressure", "shoulder-arm", "dull")]
    public void Two_or_more_neck_signs_including_a_key_one_give_physio(params string[] ids)
    {
        var result = Assess(ids);

        Assert.Equal(TriageOutcome.Physio, result.Outcome);
        Assert.Equal(ids.Order(), result.DecidingSigns.Select(s => s.Id).Order());
    }

    [Theory]
    [InlineData("one-side", "dull")]
    [InlineData("one-side", "neck-stiff", "shoulder-arm", "dull")]
    [InlineData("starts-in-neck")]
    public void Neck_signs_without_enough_to_point_at_the_neck_give_gp(params string[] ids)
    {
        var result = Assess(ids);

        Assert.Equal(TriageOutcome.Gp, result.Outcome);
        Assert.Equal("not-enough-to-point-at-the-neck", result.Rule.Id);
    }

    [Theory]
    [InlineData("throbbing")]
    [InlineData("aura")]
    [InlineData("new-over-50")]
    public void Another_pattern_or_a_new_headache_over_50_outranks_the_neck_pattern_and_suggests_physio_after_the_gp(string id)
    {
        var result = Assess(id, "one-side", "starts-in-neck");

        Assert.Equal(TriageOutcome.Gp, result.Outcome);
        Assert.True(result.PhysioMayHelpAfterGp);
        Assert.Equal([id], result.DecidingSigns.Select(s => s.Id));
    }

    [Fact]
    public void Gp_with_fewer_than_two_neck_signs_does_not_suggest_physio()
    {
        Assert.False(Assess("throbbing", "one-side").PhysioMayHelpAfterGp);
    }

    [Theory]
    [InlineData("thunderclap", "one-side", "starts-in-neck", "neck-movement")]
    [InlineData("artery-signs", "neck-stiff", "neck-movement")]
    [InlineData("red-eye", "jaw-scalp", "throbbing")]
    public void A_warning_sign_outranks_every_neck_pattern(params string[] ids)
    {
        var result = Assess(ids);

        Assert.Equal(TriageOutcome.Emergency, result.Outcome);
        Assert.Equal([ids[0]], result.DecidingSigns.Select(s => s.Id));
    }

    [Fact]
    public void Urgent_sign_outranks_a_neck_pattern_and_other_patterns()
    {
        var result = Assess("recent-injury", "one-side", "starts-in-neck", "throbbing");

        Assert.Equal(TriageOutcome.Urgent, result.Outcome);
        Assert.Equal(["recent-injury"], result.DecidingSigns.Select(s => s.Id));
    }

    [Fact]
    public void Every_rule_is_reachable()
    {
        string[][] answers =
        [
            ["thunderclap"], ["fever-unwell", "neck-stiff"], ["pregnant"], ["aura"], ["new-over-50"],
            ["starts-in-neck", "dull"], [],
        ];

        Assert.Equal(TriageRules.All.Select(r => r.Id), answers.Select(a => Assess(a).Rule.Id));
    }
}
