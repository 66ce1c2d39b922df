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
                : sign.Group == SignGroup.Urgent || sign.Id == "under-16" ? "urgent"
                : "gp"; // a new headache over 50 and other patterns go to a GP; one neck sign alone is too few to point at the neck
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
        // Round 3 added neck-condition (about you) and blood-thinners, hands-walking, aches-over-50 (urgent).
        string[] contract =
        [
            "under-16", "new-over-50", "neck-condition",
            "thunderclap", "neuro-deficit", "vision-loss", "confusion", "fever-stiff-neck", "head-injury", "artery-signs", "red-eye",
            "jaw-scalp", "blurred-vision", "cough-strain", "positional", "vomiting", "cancer-immune", "pregnant", "getting-worse",
            "recent-injury", "neck-manipulation", "sudden-neck-pain", "fever", "very-unwell", "weight-loss", "limb-numbness",
            "personality-change", "blood-thinners", "hands-walking", "aches-over-50",
            "one-side", "starts-in-neck", "neck-movement", "neck-stiff", "neck-pressure", "shoulder-arm", "dull",
            "pattern-change", "new-medicine", "throbbing", "nausea-light", "aura", "painkillers-often", "eye-watering",
        ];

        Assert.Equal(contract, SignCatalog.All.Select(s => s.Id));
        Assert.Equal("under-16", SignCatalog.All[0].Id);
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
        var result = Assess("fever", "neck-stiff");

        Assert.Equal(TriageOutcome.Emergency, result.Outcome);
        Assert.Equal("fever-and-stiff-neck", result.Rule.Id);
        Assert.Equal(["fever", "neck-stiff"], result.DecidingSigns.Select(s => s.Id));
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
            ["thunderclap"], ["fever", "neck-stiff"], ["fever", "vomiting"], ["under-16"], ["neck-manipulation"], ["pregnant"], ["pattern-change"],
            ["new-medicine"], ["new-over-50"], ["neck-condition"], ["one-side", "starts-in-neck", "neck-movement", "nausea-light"], ["aura"],
            ["starts-in-neck", "dull"], [],
        ];

        Assert.Equal(TriageRules.All.Select(r => r.Id), answers.Select(a => Assess(a).Rule.Id));
    }

    // Vignettes from the clinical review: each one a person the old rules sent to the wrong place.

    [Fact]
    public void Weight_loss_with_an_ordinary_stiff_neck_is_advice_today_not_meningitis()
    {
        var result = Assess("weight-loss", "neck-stiff");

        Assert.Equal(TriageOutcome.Urgent, result.Outcome);
        Assert.DoesNotContain("weight", SignCatalog.Find("fever")!.Label, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_textbook_neck_headache_that_spreads_to_the_temple_is_not_sent_for_same_day_care()
    {
        // Temple pain is common in neck headache; giant cell arteritis is about tenderness and jaw pain on chewing.
        var label = SignCatalog.Find("jaw-scalp")!.Label;

        Assert.DoesNotContain("pain at your temples", label, StringComparison.Ordinal);
        Assert.Contains("tender to touch", label, StringComparison.Ordinal);
        Assert.Equal(TriageOutcome.Physio, Assess("one-side", "starts-in-neck", "neck-movement", "dull").Outcome);
    }

    [Fact]
    public void Only_sudden_or_new_dizziness_is_an_artery_sign()
    {
        Assert.Contains("sudden or new dizziness", SignCatalog.Find("artery-signs")!.Label, StringComparison.Ordinal);
        Assert.DoesNotContain(SignCatalog.All, s => s.Id != "artery-signs" && s.Label.Contains("dizz", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Double_vision_is_asked_only_as_an_emergency_sign()
    {
        var mentioning = SignCatalog.All.Where(s => s.Label.Contains("double vision", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.NotEmpty(mentioning);
        Assert.All(mentioning, s => Assert.Equal(SignGroup.Emergency, s.Group));
        Assert.Equal("Blurred vision that comes and goes", SignCatalog.Find("blurred-vision")!.Label);
    }

    [Fact]
    public void A_painful_red_eye_that_stays_is_an_emergency_and_bouts_of_eye_pain_that_pass_are_for_a_GP()
    {
        // Told apart by time course: in a cluster attack the eye can go red and water and the eyelid droop,
        // and the attack passes within 3 hours; acute glaucoma's red eye stays (ICHD-3 3.1).
        Assert.Equal(TriageOutcome.Emergency, Assess("red-eye").Outcome);
        Assert.Equal(TriageOutcome.Gp, Assess("eye-watering").Outcome);
        Assert.Contains("stays", SignCatalog.Find("red-eye")!.Label, StringComparison.Ordinal);
        var cluster = SignCatalog.Find("eye-watering")!.Label;
        Assert.Contains("bouts", cluster, StringComparison.Ordinal);
        Assert.Contains("within 3 hours", cluster, StringComparison.Ordinal);
        Assert.Contains("red or watering eye", cluster, StringComparison.Ordinal);
        Assert.Contains("drooping eyelid", cluster, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("under-16")]
    [InlineData("under-16", "one-side", "starts-in-neck", "neck-movement")]
    [InlineData("under-16", "throbbing")]
    public void A_child_is_sent_for_advice_today_with_the_reason(params string[] ids)
    {
        var result = Assess(ids);

        Assert.Equal(TriageOutcome.Urgent, result.Outcome);
        Assert.Equal("under-16", result.Rule.Id);
        Assert.Equal("This check is for people aged 16 and over. For a child, get advice today from a GP or NHS 111.",
            result.Rule.ExplanationFor(new HeadacheInfo.Web.Clinic.ClinicOptions()));
    }

    [Fact]
    public void A_child_with_a_warning_sign_is_an_emergency() =>
        Assert.Equal(TriageOutcome.Emergency, Assess("under-16", "thunderclap").Outcome);

    [Fact]
    public void A_headache_soon_after_neck_manipulation_is_advice_today_and_with_artery_signs_an_emergency()
    {
        Assert.Equal(TriageOutcome.Urgent, Assess("neck-manipulation", "one-side", "starts-in-neck").Outcome);
        Assert.Equal(TriageOutcome.Emergency, Assess("neck-manipulation", "artery-signs").Outcome);
    }

    // Round 2 of the clinical review: the people this site is for must be able to reach the physiotherapy result.

    [Theory]
    [InlineData("head-injury", "in the last 7 days")]
    [InlineData("recent-injury", "in the last 3 months")]
    [InlineData("neck-manipulation", "in the last 4 weeks")]
    public void Every_injury_question_asks_how_recent_the_injury_is_in_plain_words(string id, string window)
    {
        var sign = SignCatalog.Find(id)!;

        Assert.Contains(window, sign.Label, StringComparison.Ordinal);
        Assert.Contains("since", sign.Label, StringComparison.Ordinal);
        Assert.DoesNotContain("within 3 months after", sign.Label, StringComparison.Ordinal);
        Assert.DoesNotContain("started after", sign.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void A_neck_headache_that_began_after_whiplash_years_ago_reaches_the_physiotherapy_result()
    {
        // Four years after whiplash, the same headache since: none of the injury questions is true today.
        var injuryQuestions = SignCatalog.All.Where(s => s.Label.Contains("injur", StringComparison.OrdinalIgnoreCase)
            || s.Label.Contains("jolted", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.All(injuryQuestions, s => Assert.Matches(@"in the last \d+ (days|weeks|months)", s.Label));

        var result = Assess("one-side", "starts-in-neck", "neck-movement", "neck-stiff", "shoulder-arm");

        Assert.Equal(TriageOutcome.Physio, result.Outcome);
    }

    [Fact]
    public void One_question_holds_one_idea_so_a_sudden_new_neck_pain_is_asked_on_its_own()
    {
        Assert.DoesNotContain("sudden", SignCatalog.Find("neck-manipulation")!.Label, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(SignGroup.Urgent, SignCatalog.Find("sudden-neck-pain")!.Group);
        Assert.Contains("one side of your neck", SignCatalog.Find("sudden-neck-pain")!.Label, StringComparison.Ordinal);
        Assert.Equal(TriageOutcome.Urgent, Assess("sudden-neck-pain", "one-side", "starts-in-neck", "neck-movement").Outcome);
    }

    [Fact]
    public void A_high_temperature_with_a_stiff_neck_is_an_emergency()
    {
        var result = Assess("fever", "neck-stiff", "one-side", "starts-in-neck");

        Assert.Equal(TriageOutcome.Emergency, result.Outcome);
        Assert.Equal("fever-and-stiff-neck", result.Rule.Id);
        Assert.Contains("hot and shivery", SignCatalog.Find("fever")!.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Feeling_very_unwell_with_an_ordinary_stiff_neck_is_advice_today_not_meningitis()
    {
        var result = Assess("very-unwell", "neck-stiff", "one-side", "starts-in-neck");

        Assert.Equal(TriageOutcome.Urgent, result.Outcome);
        Assert.Equal(["very-unwell"], result.DecidingSigns.Select(s => s.Id));
        Assert.Null(SignCatalog.Find("fever-unwell"));
    }

    [Fact]
    public void The_meningitis_sign_says_what_a_meningitis_stiff_neck_is()
    {
        Assert.Contains("bend your chin to your chest", SignCatalog.Find("fever-stiff-neck")!.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void One_sided_stroke_signs_are_an_emergency_and_arm_numbness_that_stays_is_advice_today()
    {
        var stroke = SignCatalog.Find("neuro-deficit")!.Label;
        Assert.Contains("one side of your face or body", stroke, StringComparison.Ordinal);
        Assert.DoesNotContain("tingling", stroke, StringComparison.Ordinal);
        Assert.DoesNotContain("an arm", stroke, StringComparison.Ordinal);
        Assert.Equal(TriageOutcome.Emergency, Assess("neuro-deficit", "neck-stiff").Outcome);

        Assert.Equal(SignGroup.Urgent, SignCatalog.Find("limb-numbness")!.Group);
        Assert.Contains("has not gone away", SignCatalog.Find("limb-numbness")!.Label, StringComparison.Ordinal);
        Assert.Equal(TriageOutcome.Urgent, Assess("limb-numbness", "one-side", "starts-in-neck", "shoulder-arm").Outcome);
    }

    [Fact]
    public void A_known_cluster_pattern_is_for_a_GP_not_an_emergency()
    {
        var result = Assess("eye-watering", "one-side");

        Assert.Equal(TriageOutcome.Gp, result.Outcome);
        Assert.Equal("other-headache-pattern", result.Rule.Id);
        Assert.Contains("does not go away", SignCatalog.Find("artery-signs")!.Label, StringComparison.Ordinal);
        Assert.Contains("cluster", SignCatalog.Find("artery-signs")!.Hint, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_artery_signs_include_a_noise_in_one_ear_and_sudden_falls()
    {
        var label = SignCatalog.Find("artery-signs")!.Label;

        Assert.Contains("whooshing or pulsing noise in one ear", label, StringComparison.Ordinal);
        Assert.Contains("sudden falls without fainting", label, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_in_personality_is_advice_today()
    {
        Assert.Equal(SignGroup.Urgent, SignCatalog.Find("personality-change")!.Group);
        Assert.Equal(TriageOutcome.Urgent, Assess("personality-change", "one-side", "starts-in-neck").Outcome);
    }

    [Fact]
    public void Headaches_that_began_with_a_new_medicine_go_to_a_GP_before_the_neck_pattern()
    {
        var result = Assess("new-medicine", "one-side", "starts-in-neck", "neck-movement");

        Assert.Equal(TriageOutcome.Gp, result.Outcome);
        Assert.Equal("new-medicine", result.Rule.Id);
        Assert.True(result.PhysioMayHelpAfterGp);
    }

    [Fact]
    public void Pregnancy_counts_only_with_a_new_or_different_headache()
    {
        Assert.Contains("new or different headache", SignCatalog.Find("pregnant")!.Label, StringComparison.Ordinal);
        Assert.Contains("6 weeks", SignCatalog.Find("pregnant")!.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void The_giant_cell_arteritis_question_is_for_people_50_and_over_and_its_rule_cites_its_source()
    {
        Assert.Contains("50 or over", SignCatalog.Find("jaw-scalp")!.Label, StringComparison.Ordinal);
        var rule = TriageRules.All.Single(r => r.Id == "urgent-sign");
        Assert.Contains("giant cell arteritis", rule.Source, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string> NewSigns() => ["sudden-neck-pain", "fever", "very-unwell", "limb-numbness", "personality-change", "new-medicine"];

    [Theory]
    [MemberData(nameof(NewSigns))]
    public void Every_new_sign_with_the_neck_pattern_keeps_its_own_tier(string id)
    {
        var alone = Assess(id);
        var withNeck = Assess(id, "one-side", "starts-in-neck", "neck-movement");

        Assert.Equal(alone.Outcome.Tier, withNeck.Outcome.Tier);
        Assert.NotEqual(TriageOutcome.Physio, withNeck.Outcome);
        Assert.Contains(withNeck.DecidingSigns, s => s.Id == id);
    }

    [Fact]
    public void Headaches_that_have_changed_go_to_a_GP_before_the_neck_pattern()
    {
        var result = Assess("pattern-change", "one-side", "starts-in-neck", "neck-movement");

        Assert.Equal(TriageOutcome.Gp, result.Outcome);
        Assert.Equal("headaches-changed", result.Rule.Id);
        Assert.Equal(["pattern-change"], result.DecidingSigns.Select(s => s.Id));
    }

    // Round 3 of the clinical review.

    [Theory]
    [InlineData("very-unwell")]
    [InlineData("vomiting")]
    [InlineData("nausea-light")]
    public void A_high_temperature_with_being_sick_light_hurting_or_feeling_very_unwell_is_an_emergency_without_a_stiff_neck_or_rash(string with)
    {
        var result = Assess("fever", with);

        Assert.Equal(TriageOutcome.Emergency, result.Outcome);
        Assert.Equal("fever-and-feeling-ill", result.Rule.Id);
        Assert.Equal(new[] { "fever", with }.Order(StringComparer.Ordinal), result.DecidingSigns.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Contains("Do not wait for a rash or a stiff neck", result.Rule.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Early_meningitis_with_everything_but_a_stiff_neck_or_rash_is_an_emergency()
    {
        Assert.Equal(TriageOutcome.Emergency, Assess("fever", "vomiting", "nausea-light", "very-unwell").Outcome);
    }

    [Theory]
    [InlineData("fever")]
    [InlineData("fever", "one-side", "starts-in-neck", "neck-movement")]
    public void A_high_temperature_alone_or_with_a_neck_pattern_only_is_advice_today(params string[] ids)
    {
        Assert.Equal(TriageOutcome.Urgent, Assess(ids).Outcome);
    }

    [Theory]
    [InlineData("blood-thinners", "urgent")]
    [InlineData("hands-walking", "urgent")]
    [InlineData("aches-over-50", "urgent")]
    [InlineData("neck-condition", "gp")]
    public void Each_new_warning_sign_has_its_one_tier_alone_and_with_a_clear_neck_pattern(string id, string outcome)
    {
        Assert.Equal(outcome, Assess(id).Outcome.Key);
        Assert.Equal(outcome, Assess(id, "one-side", "starts-in-neck", "neck-movement", "neck-stiff").Outcome.Key);
    }

    [Fact]
    public void The_new_questions_say_what_they_ask_in_plain_words()
    {
        var thinners = SignCatalog.Find("blood-thinners")!.Label;
        Assert.All(["warfarin", "apixaban", "rivaroxaban", "edoxaban", "dabigatran", "thins the blood"], word => Assert.Contains(word, thinners, StringComparison.Ordinal));
        Assert.Contains("weeks or months", SignCatalog.Find("hands-walking")!.Label, StringComparison.Ordinal);
        Assert.Contains("walking", SignCatalog.Find("hands-walking")!.Label, StringComparison.Ordinal);
        var condition = SignCatalog.Find("neck-condition")!.Label;
        Assert.All(["rheumatoid arthritis", "ankylosing spondylitis", "Down's syndrome", "Ehlers-Danlos", "neck surgery", "new neck pain or headache"],
            word => Assert.Contains(word, condition, StringComparison.Ordinal));
        var aches = SignCatalog.Find("aches-over-50")!.Label;
        Assert.All(["50 or over", "shoulders or hips", "morning", "night sweats", "weight loss"], word => Assert.Contains(word, aches, StringComparison.Ordinal));
    }

    [Fact]
    public void A_condition_that_can_loosen_the_top_of_the_neck_always_outranks_the_neck_pattern()
    {
        var result = Assess("neck-condition", "one-side", "starts-in-neck", "neck-movement", "neck-pressure", "nausea-light");

        Assert.Equal(TriageOutcome.Gp, result.Outcome);
        Assert.Equal("neck-condition", result.Rule.Id);
        Assert.Contains("before anyone treats your neck with their hands", result.Rule.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_headache_at_50_or_over_stays_with_a_GP_and_cites_the_giant_cell_arteritis_guidance_not_SNNOOP10_for_the_age_of_50()
    {
        var result = Assess("new-over-50");

        Assert.Equal(TriageOutcome.Gp, result.Outcome);
        Assert.DoesNotContain("not an emergency", result.Rule.Explanation, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Mackie", result.Rule.Source, StringComparison.Ordinal);
        Assert.Contains("SNOOP4", result.Rule.Source, StringComparison.Ordinal);
        Assert.Contains("after 65", result.Rule.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("SNNOOP10 (older age", result.Rule.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("neck-manipulation")]
    [InlineData("sudden-neck-pain")]
    public void After_a_neck_manipulation_or_a_sudden_neck_pain_the_result_says_be_seen_in_person_today_and_no_more_manipulation(string id)
    {
        var result = Assess(id, "one-side", "starts-in-neck");

        Assert.Equal(TriageOutcome.Urgent, result.Outcome);
        Assert.True(result.MustBeSeenInPersonToday);
        Assert.Contains("seen in person today", result.Rule.Explanation, StringComparison.Ordinal);
        // Said once, by the sign's own note, which the result shows in its card (the explanation says why, not what).
        Assert.Contains(result.Notes(new HeadacheInfo.Web.Clinic.ClinicOptions()), note => note.Text.Contains("no more neck manipulation until a doctor has checked you", StringComparison.Ordinal));
        Assert.Contains("no more neck manipulation", SignCatalog.Find(id)!.ResultNote, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void No_rule_says_a_warning_sign_is_not_usually_an_emergency()
    {
        Assert.All(TriageRules.All, rule => Assert.DoesNotContain("not usually an emergency", rule.Explanation, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_pregnant_15_year_old_whose_headache_is_worse_lying_down_is_given_every_sign_with_its_note()
    {
        var result = Assess("under-16", "pregnant", "positional");

        Assert.Equal(TriageOutcome.Urgent, result.Outcome);
        Assert.Equal("under-16", result.Rule.Id);
        Assert.Equal(["under-16", "positional", "pregnant"], result.Reasons.Select(s => s.Id));
        Assert.Contains("midwife", result.Reasons.Single(s => s.Id == "pregnant").ResultNote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("one-side", "starts-in-neck", "neck-movement", "nausea-light")]
    [InlineData("starts-in-neck", "neck-stiff", "dull", "nausea-light")]
    public void Mild_sickness_or_light_sensitivity_with_a_clear_neck_pattern_reaches_physiotherapy(params string[] ids)
    {
        var result = Assess(ids);

        Assert.Equal(TriageOutcome.Physio, result.Outcome);
        Assert.Equal("neck-pattern-with-mild-sickness", result.Rule.Id);
    }

    [Theory]
    [InlineData("throbbing")]
    [InlineData("aura")]
    public void Mild_sickness_with_a_neck_pattern_and_throbbing_or_aura_stays_with_a_GP(string extra)
    {
        var result = Assess("one-side", "starts-in-neck", "neck-movement", "nausea-light", extra);

        Assert.Equal(TriageOutcome.Gp, result.Outcome);
        Assert.Equal("other-headache-pattern", result.Rule.Id);
    }

    [Theory]
    [InlineData("one-side", "starts-in-neck", "nausea-light")]
    [InlineData("one-side", "neck-stiff", "dull", "nausea-light")]
    public void Mild_sickness_without_a_clear_neck_pattern_stays_with_a_GP(params string[] ids)
    {
        Assert.Equal(TriageOutcome.Gp, Assess(ids).Outcome);
    }

    [Fact]
    public void The_artery_signs_question_keeps_its_words_and_lists_its_symptoms()
    {
        var sign = SignCatalog.Find("artery-signs")!;

        Assert.NotNull(sign.List);
        Assert.Equal(7, sign.List!.Items.Length);
        Assert.Equal(sign.Label, sign.List.Sentence);
        Assert.StartsWith("With the neck pain or headache:", sign.Label, StringComparison.Ordinal);
    }
}
