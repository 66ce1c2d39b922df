using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Tests.Articles;

/// <summary>
/// The shipped articles say what clinical round 2 of the symptom check says, in prose as well as in the care
/// cards: a sign is named with its time window or condition, one symptom never gets two tiers, and facts that
/// were overstated stay corrected.
/// </summary>
public sealed partial class ClinicalWordingTests
{
    private static readonly ContentSnapshot Shipped =
        new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), TimeProvider.System)
            .Load(RepositoryFolders.Content, includeDrafts: true, version: 1);

    private static IDocument Render(Article article) => new HtmlParser().ParseDocument($"<body>{article.Html}</body>");

    private static IDocument Render(string slug) => Render(Shipped.Find(slug) ?? throw new InvalidOperationException($"no article '{slug}'"));

    private static string Text(INode node) => Spaces().Replace(node.TextContent, " ").Trim();

    /// <summary>The paragraphs and list items inside the care cards of the given tiers.</summary>
    private static IEnumerable<string> BlocksInCards(IDocument page, params string[] tiers) =>
        page.QuerySelectorAll(string.Join(", ", tiers.Select(tier => $"section[data-care-card='{tier}']")))
            .SelectMany(card => card.QuerySelectorAll("p, li"))
            .Select(Text);

    private static string Label(string id) => SignCatalog.Find(id)!.Label;

    /// <summary>Every card of <paramref name="tiers"/> in every article: a block that matches <paramref name="names"/> must match <paramref name="condition"/>.</summary>
    private static void AssertEveryCardBlockNamingItKeeps(Regex names, Regex condition, string why, params string[] tiers)
    {
        Assert.All(Shipped.Articles, article =>
        {
            foreach (var block in BlocksInCards(Render(article), tiers).Where(b => names.IsMatch(b)))
            {
                Assert.True(condition.IsMatch(block), $"{article.Slug}: \"{block}\" {why}");
            }
        });
    }

    public static TheoryData<string> ShippedArticles()
    {
        var slugs = new TheoryData<string>();
        foreach (var article in Shipped.Articles)
        {
            slugs.Add(article.Slug);
        }

        return slugs;
    }

    // Item 1: injury. How long ago the injury was decides the tier; an old, stable whiplash is not a warning sign.

    [Fact]
    public void Every_care_card_that_names_an_injury_says_how_recent_it_was() =>
        AssertEveryCardBlockNamingItKeeps(Injury(), RecentWindow(),
            "names an injury in an emergency or urgent card without saying how recent it was (last 7 days, 3 months or 4 weeks)",
            "emergency", "urgent");

    [Theory]
    [InlineData("what-is-cervicogenic-headache")]
    [InlineData("causes-and-triggers")]
    [InlineData("is-my-headache-coming-from-my-neck")]
    [InlineData("when-to-get-urgent-help")]
    public void An_old_stable_whiplash_injury_is_called_common_and_suited_to_physiotherapy(string slug)
    {
        var blocks = Render(slug).QuerySelectorAll("p, li").Select(Text).ToList();

        Assert.Contains(blocks, b => b.Contains("whiplash", StringComparison.OrdinalIgnoreCase)
            && b.Contains("years ago", StringComparison.Ordinal)
            && b.Contains("common", StringComparison.Ordinal)
            && b.Contains("physiotherap", StringComparison.OrdinalIgnoreCase));
    }

    // Item 2: meningitis. A high temperature with a stiff neck is the emergency; feeling very unwell alone is advice
    // today. Round 3: with a high temperature, feeling very unwell is an emergency too (early meningitis or sepsis).

    [Fact]
    public void Feeling_very_unwell_in_an_emergency_card_always_comes_with_a_high_temperature() =>
        AssertEveryCardBlockNamingItKeeps(VeryUnwell(), HighTemperature(),
            "puts feeling very unwell in an emergency card without the high temperature that makes it one; alone the check makes it advice today", "emergency");

    [Fact]
    public void A_stiff_neck_in_an_emergency_card_always_comes_with_a_high_temperature() =>
        AssertEveryCardBlockNamingItKeeps(StiffNeck(), HighTemperature(),
            "calls a stiff neck an emergency without the high temperature that makes it one", "emergency");

    // Item 3: one-sided stroke signs are an emergency; arm numbness or weakness that stays is advice today; pins
    // and needles that go within minutes are common with neck problems.

    [Fact]
    public void Tingling_or_pins_and_needles_never_appear_in_an_emergency_card() =>
        AssertEveryCardBlockNamingItKeeps(PinsAndNeedles(), Never(),
            "puts tingling or pins and needles in an emergency card; arm numbness that stays is advice today", "emergency");

    [Fact]
    public void Numbness_or_weakness_in_an_emergency_card_is_always_the_sudden_one_sided_kind() =>
        AssertEveryCardBlockNamingItKeeps(NumbOrWeak(), OneSided(),
            "puts numbness or weakness in an emergency card without saying it is on one side; in an arm or leg alone it is advice today",
            "emergency");

    [Theory]
    [MemberData(nameof(ShippedArticles))]
    public void Arm_numbness_weakness_or_pins_and_needles_are_never_told_to_rest_and_try_again(string slug)
    {
        var page = Render(slug);

        foreach (var paragraph in page.QuerySelectorAll("p").Where(p => p.Closest("li") is null).Select(Text).Where(t => ArmSymptom().IsMatch(t)))
        {
            Assert.False(RestAndRetry().IsMatch(paragraph), $"{slug}: \"{paragraph}\" tells someone with arm symptoms to rest and try again");
        }

        // A list item is read with the sentence that leads into its list and the one that follows it.
        foreach (var list in page.QuerySelectorAll("ul, ol"))
        {
            var around = $"{Text(list.PreviousElementSibling ?? list)} {Text(list.NextElementSibling ?? list)}";
            foreach (var item in list.Children.Where(li => li.LocalName == "li").Select(Text).Where(t => ArmSymptom().IsMatch(t)))
            {
                Assert.False(RestAndRetry().IsMatch($"{item} {around}"),
                    $"{slug}: \"{item}\" sits in a list that says to rest and try again (\"{around.Trim()}\")");
            }
        }
    }

    [Fact]
    public void The_exercise_stop_rules_put_each_warning_sign_in_a_card_of_its_tier_and_say_what_to_do_about_pins_and_needles()
    {
        var page = Render("gentle-exercises-at-home");
        var emergency = string.Join(" ", BlocksInCards(page, "emergency"));
        var urgent = string.Join(" ", BlocksInCards(page, "urgent"));

        Assert.Contains(Label("neuro-deficit"), emergency, StringComparison.Ordinal);
        Assert.Contains(Label("artery-signs"), emergency, StringComparison.Ordinal);
        Assert.Contains(Label("limb-numbness"), urgent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("p").Select(Text), p =>
            p.Contains("within minutes", StringComparison.Ordinal) && p.Contains("ease off", StringComparison.Ordinal)
            && p.Contains("tell your physiotherapist", StringComparison.Ordinal));
    }

    // Item 4: cluster headache. The eye can go red and water and the eyelid droop in an attack, and each attack
    // passes within 3 hours; a painful red eye that stays is the emergency.

    [Fact]
    public void Every_description_of_cluster_headache_names_the_red_or_watering_eye_the_drooping_eyelid_and_attacks_that_pass_within_3_hours()
    {
        var descriptions = new List<(string Slug, string Text)>();
        foreach (var article in Shipped.Articles)
        {
            var page = Render(article);
            foreach (var heading in page.QuerySelectorAll("h2, h3").Where(h => h.TextContent.Contains("Cluster", StringComparison.Ordinal)))
            {
                // The section's own prose, not the care cards in it (a card quotes the check's label).
                var prose = new List<string>();
                for (var next = heading.NextElementSibling; next is not null && !IsHeadingAtOrAbove(next, heading); next = next.NextElementSibling)
                {
                    if (!next.Matches("section[data-care-card]"))
                    {
                        prose.Add(Text(next));
                    }
                }

                descriptions.Add((article.Slug, string.Join(" ", prose)));
            }

            foreach (var row in page.QuerySelectorAll("tr").Where(tr => tr.Children.Length > 0 && tr.Children[0].TextContent.Trim().StartsWith("Cluster", StringComparison.Ordinal)))
            {
                descriptions.Add((article.Slug, Text(row)));
            }
        }

        Assert.NotEmpty(descriptions);
        Assert.All(descriptions, d =>
        {
            Assert.True(d.Text.Contains("red", StringComparison.OrdinalIgnoreCase) && d.Text.Contains("water", StringComparison.OrdinalIgnoreCase),
                $"{d.Slug}: the cluster description does not say the eye can go red and water: \"{d.Text}\"");
            Assert.True(d.Text.Contains("droop", StringComparison.OrdinalIgnoreCase), $"{d.Slug}: the cluster description does not name the drooping eyelid: \"{d.Text}\"");
            Assert.True(d.Text.Contains("3 hours", StringComparison.Ordinal), $"{d.Slug}: the cluster description does not say attacks pass within 3 hours: \"{d.Text}\"");
        });
    }

    private static bool IsHeadingAtOrAbove(IElement element, IElement heading) =>
        element.LocalName is "h2" or "h3" && string.CompareOrdinal(element.LocalName, heading.LocalName) <= 0;

    // Item 5: the other new signs keep their conditions wherever a card names them.

    [Fact]
    public void Jaw_or_scalp_pain_in_a_care_card_is_always_for_people_50_and_over() =>
        AssertEveryCardBlockNamingItKeeps(JawOrScalp(), FiftyOrOver(),
            "names jaw pain or a tender scalp as a warning sign without 'for people 50 or over'", "emergency", "urgent");

    [Fact]
    public void Pregnancy_in_a_care_card_always_comes_with_a_new_or_different_headache() =>
        AssertEveryCardBlockNamingItKeeps(Pregnancy(), NewOrDifferentHeadache(),
            "names pregnancy as a warning sign without 'a new or different headache'", "emergency", "urgent");

    [Fact]
    public void The_after_treatment_card_in_manual_therapy_is_an_emergency_card_in_the_checks_words()
    {
        var emergency = string.Join(" ", BlocksInCards(Render("manual-therapy"), "emergency"));

        Assert.Contains(Label("artery-signs"), emergency, StringComparison.Ordinal);
    }

    // Item 8: overclaims and loose facts, corrected everywhere.

    public static TheoryData<string> CorrectedPhrases() =>
    [
        "lasted at least a year",
        "lasted for at least a year",
        "Most people get better",
        "Treatment from a physiotherapist helps.",
        "Most people improve with physiotherapy",
        "while neck headache does not",
        "the top joint of your neck",
        "it is not a sign of a torn artery",
        "make sure nothing else needs checking",
        "A red eye is different",
        "shoulder blades back and down",
        "shoulder blades gently back and down",
        "drawn gently back and down",
        "draw them back and down",
        "back pockets",
    ];

    [Theory]
    [MemberData(nameof(CorrectedPhrases))]
    public void No_shipped_article_keeps_a_wording_the_clinical_review_corrected(string phrase)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryFolders.Content, "articles"), "*.md"))
        {
            var text = Spaces().Replace(File.ReadAllText(file), " ");
            Assert.False(text.Contains(phrase, StringComparison.OrdinalIgnoreCase), $"{Path.GetFileName(file)} still says \"{phrase}\"");
        }
    }

    [Theory]
    [MemberData(nameof(ShippedArticles))]
    public void Where_an_article_says_many_people_improve_it_says_who_the_trial_left_out(string slug)
    {
        var text = Text(Render(slug).Body!);
        if (!ManyImprove().IsMatch(text))
        {
            return;
        }

        Assert.Contains("both sides", text, StringComparison.Ordinal);
        Assert.Contains("migraine", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("legal claim", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Manual_therapy_says_the_trials_at_lower_risk_of_bias_showed_only_small_effects()
    {
        var sentences = Sentence().Split(Text(Render("manual-therapy").Body!));

        Assert.Contains(sentences, s => s.Contains("bias", StringComparison.Ordinal) && s.Contains("small", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ShippedArticles))]
    public void Chiropractors_and_osteopaths_come_with_advice_to_check_they_are_registered(string slug)
    {
        var text = Text(Render(slug).Body!);
        if (text.Contains("chiropractor", StringComparison.OrdinalIgnoreCase) || text.Contains("osteopath", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Contains("registered", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ShippedArticles))]
    public void Radiofrequency_treatment_comes_with_a_note_that_its_evidence_in_this_headache_is_limited(string slug)
    {
        var text = Text(Render(slug).Body!);
        if (text.Contains("radiofrequency", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Contains(Sentence().Split(text), s => s.Contains("evidence", StringComparison.Ordinal) && s.Contains("limited", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(ShippedArticles))]
    public void The_flexion_rotation_test_is_said_to_test_C1_C2_the_second_joint_of_the_neck(string slug)
    {
        var text = Text(Render(slug).Body!);
        if (text.Contains("flexion-rotation test", StringComparison.Ordinal))
        {
            Assert.Contains("C1 and C2", text, StringComparison.Ordinal);
            Assert.Contains("second joint", text, StringComparison.Ordinal);
        }
    }

    // Harm from the self-care advice (hazard log H12).

    [Fact]
    public void The_shoulder_blade_cue_is_gently_back_and_towards_the_spine_not_pulled_down_hard()
    {
        var exercises = Text(Render("gentle-exercises-at-home").Body!);
        var therapy = Text(Render("exercise-therapy").Body!);

        Assert.Contains("towards your spine", exercises, StringComparison.Ordinal);
        Assert.Contains("Do not pull them down hard", exercises, StringComparison.Ordinal);
        Assert.Contains("towards your spine", therapy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_side_stretch_offers_a_hand_on_the_lap_if_the_arm_tingles()
    {
        var page = Render("gentle-exercises-at-home");
        var stretch = page.QuerySelectorAll("h2").Single(h => h.TextContent.Contains("side stretch", StringComparison.Ordinal));
        var section = new List<string>();
        for (var next = stretch.NextElementSibling; next is not null && next.LocalName != "h2"; next = next.NextElementSibling)
        {
            section.Add(Text(next));
        }

        Assert.Contains(section, block => block.Contains("tingle", StringComparison.Ordinal) && block.Contains("lap", StringComparison.Ordinal));
    }

    [Fact]
    public void The_heat_advice_says_to_wrap_the_pack_and_never_to_use_it_on_numb_skin_or_while_asleep()
    {
        var text = Text(Render("looking-after-yourself").Body!);

        Assert.Contains("in a towel", text, StringComparison.Ordinal);
        Assert.Contains("never use them on numb skin or while asleep", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_painkiller_advice_gives_the_overuse_limits_and_says_not_to_stop_a_medicine_without_advice()
    {
        var text = Text(Render("looking-after-yourself").Body!);

        Assert.Contains("on 15 or more days a month", text, StringComparison.Ordinal);
        Assert.Contains("on 10 or more days a month", text, StringComparison.Ordinal);
        Assert.Contains("without advice", text, StringComparison.Ordinal);
        Assert.Contains("follow the dose on the packet", text, StringComparison.Ordinal);
    }

    // Item 7: a review is claimed only by an approval in the staff workspace, never typed into a shipped file.

    [Fact]
    public void No_shipped_article_claims_a_review_in_its_front_matter() =>
        Assert.All(Shipped.Articles, article => Assert.True(article.FrontMatter.Reviewer is null, $"{article.Slug} names a reviewer: {article.FrontMatter.Reviewer}"));

    // Round 3 (issue 29): the exercise pages give the check's advice, one list of emergency signs serves every
    // page, and facts and cautions the third read found missing or overstated.

    public static TheoryData<string> ExercisePages() => ["exercise-therapy", "gentle-exercises-at-home"];

    [Theory]
    [MemberData(nameof(ExercisePages))]
    public void An_exercise_page_says_a_headache_brought_on_by_exercise_needs_advice_today(string slug)
    {
        var urgent = string.Join(" ", BlocksInCards(Render(slug), "urgent"));

        Assert.Contains(Label("cough-strain"), urgent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ShippedArticles))]
    public void No_article_tells_someone_whose_headache_an_activity_brings_on_to_try_again_shorter_or_differently(string slug)
    {
        foreach (var block in Render(slug).QuerySelectorAll("p, li").Select(Text).Where(b => BringsOnAHeadache().IsMatch(b)))
        {
            Assert.False(TryAgain().IsMatch(block), $"{slug}: \"{block}\" tells someone whose headache an activity brings on to carry on in another way");
        }

        var text = Text(Render(slug).Body!);
        Assert.DoesNotContain("try a shorter time", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(ExercisePages))]
    public void An_exercise_pages_stop_and_get_help_list_names_every_emergency_sign_of_the_check(string slug)
    {
        var emergency = BlocksInCards(Render(slug), "emergency").ToList();

        Assert.All(SignCatalog.All.Where(s => s.Group == SignGroup.Emergency), sign => Assert.Contains(sign.Label, emergency));
    }

    [Theory]
    [MemberData(nameof(ShippedArticles))]
    public void An_article_that_lists_emergency_signs_in_a_card_lists_them_all_from_the_placeholder(string slug)
    {
        var emergencyLabels = SignCatalog.All.Where(s => s.Group == SignGroup.Emergency).Select(s => s.Label).ToList();
        foreach (var card in Render(slug).QuerySelectorAll("section[data-care-card='emergency']"))
        {
            var items = card.QuerySelectorAll("li").Select(Text).ToList();
            if (items.Count(emergencyLabels.Contains) >= 3)
            {
                Assert.All(emergencyLabels, label => Assert.Contains(label, items));
            }
        }
    }

    [Fact]
    public void Manual_therapy_says_how_many_trials_against_sham_were_pooled_and_that_they_were_small()
    {
        var sentences = Sentence().Split(Text(Render("manual-therapy").Body!));

        Assert.Contains(sentences, s => s.Contains("6 trials", StringComparison.Ordinal) && s.Contains("fake", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.Contains("small", StringComparison.Ordinal) && s.Contains("trials", StringComparison.Ordinal) && !s.Contains("bias", StringComparison.Ordinal));
        Assert.DoesNotContain(sentences, s => s.Contains("many studies", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Manual_therapy_says_manipulation_was_compared_with_other_hands_on_treatment()
    {
        var sentences = Sentence().Split(Text(Render("manual-therapy").Body!));

        Assert.Contains(sentences, s => s.Contains("anipulation", StringComparison.Ordinal) && s.Contains("other hands-on treatment", StringComparison.Ordinal));
        Assert.DoesNotContain(sentences, s => s.Contains("Manipulation on its own seems to have a small short-term effect", StringComparison.Ordinal));
    }

    public static TheoryData<string> IbuprofenCautions() =>
        ["asthma", "stomach ulcer", "kidney", "liver", "heart", "pregnan", "blood thinner", "pharmacist", "Paracetamol is usually the first"];

    [Theory]
    [MemberData(nameof(IbuprofenCautions))]
    public void Every_article_that_suggests_ibuprofen_gives_its_cautions(string caution)
    {
        var suggesting = Shipped.Articles.Where(a => Text(Render(a).Body!).Contains("ibuprofen", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.NotEmpty(suggesting);
        Assert.All(suggesting, article =>
            Assert.True(Text(Render(article).Body!).Contains(caution, StringComparison.OrdinalIgnoreCase), $"{article.Slug} suggests ibuprofen without \"{caution}\""));
    }

    public static TheoryData<string, string> TellYourPhysiotherapist()
    {
        var cases = new TheoryData<string, string>();
        foreach (var slug in new[] { "manual-therapy", "physiotherapy-assessment" })
        {
            foreach (var item in new[] { "blood thinner", "osteoporosis", "rheumatoid arthritis", "recent neck injury", "pregnant", "cancer", "dizzy" })
            {
                cases.Add(slug, item);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(TellYourPhysiotherapist))]
    public void Before_neck_treatment_the_page_lists_what_to_tell_your_physiotherapist(string slug, string item)
    {
        var page = Render(slug);
        var lead = page.QuerySelectorAll("p").Single(p => Text(p).Contains("Tell your physiotherapist before any neck treatment if you", StringComparison.Ordinal));
        var list = lead.NextElementSibling;

        Assert.Equal("UL", list?.TagName);
        Assert.Contains(list!.QuerySelectorAll("li").Select(Text), li => li.Contains(item, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_nerve_drawing_calls_C1_to_C3_bones_with_their_nerve_roots_not_joints()
    {
        var page = Render("how-the-neck-causes-head-pain");
        var image = page.QuerySelector("img[src='/images/neck-and-head-nerves.svg']")!;
        var caption = Text(image.ParentElement!.NextElementSibling!);
        var drawing = File.ReadAllText(Path.Combine(RepositoryFolders.Content, "images", "neck-and-head-nerves.svg"));

        Assert.DoesNotContain("joint", image.GetAttribute("alt"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("bones", image.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.DoesNotContain("joint", caption, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("bones", caption, StringComparison.Ordinal);
        Assert.DoesNotContain("joints (C1", drawing, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_to_the_chiropractor_and_osteopath_registers_the_page_says_how_to_check_a_physiotherapist_from_the_clinics_settings()
    {
        var clinic = new ClinicOptions { PhysioRegisterName = "Physiotherapy Board", PhysioRegisterUrl = "https://register.example/physio" };
        var article = new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(clinic)), TimeProvider.System)
            .Load(RepositoryFolders.Content, includeDrafts: true, version: 1).Find("questions-people-ask")!;
        var page = Render(article);

        var registers = page.QuerySelectorAll("p").Single(p => Text(p).Contains("General Osteopathic Council", StringComparison.Ordinal));
        var text = Text(registers);
        Assert.Contains("physiotherapist", text, StringComparison.Ordinal);
        Assert.Contains("Physiotherapy Board", text, StringComparison.Ordinal);
        Assert.NotNull(registers.QuerySelector("a[href='https://register.example/physio']"));
        Assert.DoesNotContain("HCPC", text, StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_the_physiotherapist_register_is_the_HCPCs()
    {
        var registers = Render("questions-people-ask").QuerySelectorAll("p").Single(p => Text(p).Contains("General Osteopathic Council", StringComparison.Ordinal));

        Assert.Contains("HCPC", Text(registers), StringComparison.Ordinal);
        Assert.NotNull(registers.QuerySelector("a[href='https://www.hcpc-uk.org/check-the-register/']"));
    }

    [Fact]
    public void No_shipped_article_names_a_profession_as_its_author() =>
        Assert.All(Shipped.Articles, article => Assert.False(
            article.FrontMatter.Author is { } author && Profession().IsMatch(author),
            $"{article.Slug} says it was written by \"{article.FrontMatter.Author}\""));

    public static TheoryData<string> Round3CorrectedPhrases() =>
    [
        "Migraine and cluster headache usually need medicine from a doctor",
        "This is the most common headache",
        "Cluster headache is rare",
        "Many people have more than one kind of headache",
        "These help the two systems work together smoothly again",
        "Short, frequent practice works better",
        "Most people need several weeks",
        "What you do every day matters just as much",
        "gentle movement usually helps more than rest",
        "Most flare-ups settle within a few days",
        "Stress does not directly cause",
        "rules out other problems first",
        "Regular, gentle practice is what makes the difference",
        "They suit most people",
        "Try again the next day",
    ];

    [Theory]
    [MemberData(nameof(Round3CorrectedPhrases))]
    public void No_shipped_article_keeps_a_wording_the_third_clinical_read_corrected(string phrase) =>
        No_shipped_article_keeps_a_wording_the_clinical_review_corrected(phrase);

    [GeneratedRegex(@"brings? on (a|your|the) headache|activity brings", RegexOptions.IgnoreCase)]
    private static partial Regex BringsOnAHeadache();

    [GeneratedRegex(@"try again|shorter time|different position|next day|tomorrow", RegexOptions.IgnoreCase)]
    private static partial Regex TryAgain();

    [GeneratedRegex(@"physio|doctor|clinician|nurse|\bGP\b|medical|team", RegexOptions.IgnoreCase)]
    private static partial Regex Profession();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"injur|hurt your (head|neck)|whiplash|jolt|manipulat", RegexOptions.IgnoreCase)]
    private static partial Regex Injury();

    [GeneratedRegex(@"in the last (7 days|3 months|4 weeks)")]
    private static partial Regex RecentWindow();

    [GeneratedRegex(@"very unwell", RegexOptions.IgnoreCase)]
    private static partial Regex VeryUnwell();

    [GeneratedRegex(@"stiff neck", RegexOptions.IgnoreCase)]
    private static partial Regex StiffNeck();

    [GeneratedRegex(@"high temperature")]
    private static partial Regex HighTemperature();

    [GeneratedRegex(@"tingl|pins and needles", RegexOptions.IgnoreCase)]
    private static partial Regex PinsAndNeedles();

    [GeneratedRegex(@"numb|weak", RegexOptions.IgnoreCase)]
    private static partial Regex NumbOrWeak();

    [GeneratedRegex(@"on one side")]
    private static partial Regex OneSided();

    [GeneratedRegex(@"pins and needles|tingl|numb|weakness|feels? weak", RegexOptions.IgnoreCase)]
    private static partial Regex ArmSymptom();

    [GeneratedRegex(@"\brest\b|try again", RegexOptions.IgnoreCase)]
    private static partial Regex RestAndRetry();

    [GeneratedRegex(@"\bjaw\b|scalp", RegexOptions.IgnoreCase)]
    private static partial Regex JawOrScalp();

    [GeneratedRegex(@"50 or over")]
    private static partial Regex FiftyOrOver();

    [GeneratedRegex(@"pregnan|had a baby", RegexOptions.IgnoreCase)]
    private static partial Regex Pregnancy();

    [GeneratedRegex(@"new or different headache")]
    private static partial Regex NewOrDifferentHeadache();

    [GeneratedRegex(@"many people (get better|improve)", RegexOptions.IgnoreCase)]
    private static partial Regex ManyImprove();

    [GeneratedRegex(@"(?!)")]
    private static partial Regex Never();
}
