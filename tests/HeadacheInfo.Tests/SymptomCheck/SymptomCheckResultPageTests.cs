using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Tests.SymptomCheck;

/// <summary>Round 3 of the clinical review, through the real form: each answer posted as a person ticks it, each result read as they would.</summary>
public sealed class SymptomCheckResultPageTests(SymptomCheckResultPageTests.Site site) : IClassFixture<SymptomCheckResultPageTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("Clinic:UrgentCareName", "the Riverside walk-in centre");
            WithSetting("Clinic:EmergencyDepartmentName", "the emergency department");
        }
    }

    private async Task<(HttpClient Client, IHtmlDocument Page)> SubmitAsync(params string[] ticked)
    {
        var client = site.CreateClient();
        var form = await site.GetPageAsync("/symptom-check", client);
        using var response = await FormSubmission.SubmitAsync(client, form.QuerySelector<IHtmlFormElement>("form.symptom-form")!, ticked);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (client, await HeadacheInfoFactory.ReadPageAsync(response));
    }

    private static string Outcome(IHtmlDocument page) => page.QuerySelector("main")!.GetAttribute("data-outcome")!;

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string MainText(IHtmlDocument page) => Text(page.QuerySelector("main")!);

    [Theory]
    [InlineData("very-unwell")]
    [InlineData("vomiting")]
    [InlineData("nausea-light")]
    public async Task A_high_temperature_with_sickness_light_or_feeling_very_unwell_is_an_emergency_on_the_page(string with)
    {
        var (_, page) = await SubmitAsync("fever", with);

        Assert.Equal("emergency", Outcome(page));
        Assert.Contains("Do not wait for a rash or a stiff neck", MainText(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_high_temperature_alone_is_advice_today_and_never_said_not_usually_to_be_an_emergency()
    {
        var (_, page) = await SubmitAsync("fever", "one-side", "starts-in-neck", "neck-movement");

        Assert.Equal("urgent", Outcome(page));
        Assert.DoesNotContain("not usually an emergency", MainText(page), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("neuro-deficit")]
    [InlineData("vision-loss")]
    [InlineData("neuro-deficit", "thunderclap", "neck-manipulation")]
    public async Task Stroke_signs_say_call_the_emergency_number_now_and_nothing_about_going_to_A_and_E(params string[] ticked)
    {
        var (_, page) = await SubmitAsync(ticked);

        Assert.Equal("emergency", Outcome(page));
        Assert.Equal("Call 999 now", page.QuerySelector("#result-heading")?.TextContent);
        Assert.NotNull(page.QuerySelector(".result-call a[href='tel:999']"));
        Assert.DoesNotContain("A&E", MainText(page), StringComparison.Ordinal);
        Assert.DoesNotContain("emergency department", MainText(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_emergency_signs_may_still_offer_the_emergency_department_by_its_configured_name()
    {
        var (_, page) = await SubmitAsync("thunderclap");

        Assert.Contains("Or go to the emergency department now", Text(page.QuerySelector(".triage-result .care-card")!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("neck-manipulation")]
    [InlineData("sudden-neck-pain")]
    [InlineData("sudden-neck-pain", "under-16")]
    public async Task After_a_neck_manipulation_or_a_sudden_neck_pain_the_result_says_be_seen_in_person_today_where_and_no_more_manipulation(params string[] ticked)
    {
        var (_, page) = await SubmitAsync([.. ticked, "one-side", "starts-in-neck"]);
        var card = Text(page.QuerySelector(".triage-result .care-card")!);

        Assert.Equal("urgent", Outcome(page));
        Assert.Contains("You need to be seen in person today", card, StringComparison.Ordinal);
        Assert.Contains("go to the Riverside walk-in centre or the emergency department", card, StringComparison.Ordinal);
        Assert.Contains("no more neck manipulation until a doctor has checked you", card, StringComparison.Ordinal);
        Assert.DoesNotContain("not usually an emergency", MainText(page), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_pregnant_15_year_old_sees_the_child_advice_every_sign_and_the_midwife_note_in_the_card()
    {
        var (_, page) = await SubmitAsync("under-16", "pregnant", "positional");

        Assert.Equal("urgent", Outcome(page));
        Assert.Equal(["under-16", "positional", "pregnant"], page.QuerySelectorAll(".result-reasons > li").Select(li => li.GetAttribute("data-sign")));
        Assert.Contains("midwife or maternity unit", Text(page.QuerySelector(".triage-result .care-card [data-note-for~=pregnant]")!), StringComparison.Ordinal);
        Assert.Contains("For a child, get advice today", MainText(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_emergency_still_lists_every_other_warning_sign_and_shows_each_ones_note_in_the_card()
    {
        var (_, page) = await SubmitAsync("thunderclap", "blood-thinners", "pregnant");

        Assert.Equal(["thunderclap", "pregnant", "blood-thinners"], page.QuerySelectorAll(".result-reasons > li").Select(li => li.GetAttribute("data-sign")));
        Assert.Contains("midwife", Text(page.QuerySelector(".triage-result .care-card [data-note-for~=pregnant]")!), StringComparison.Ordinal);
        Assert.Contains("If you have hit or hurt your head, call 999 now", Text(page.QuerySelector(".triage-result .care-card [data-note-for~=blood-thinners]")!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("blood-thinners")]
    [InlineData("hands-walking")]
    [InlineData("aches-over-50")]
    public async Task Each_new_urgent_sign_gives_advice_today_through_the_form(string id)
    {
        var (_, page) = await SubmitAsync(id, "one-side", "starts-in-neck", "neck-movement");

        Assert.Equal("urgent", Outcome(page));
        Assert.NotNull(page.QuerySelector($".result-reasons > li[data-sign={id}]"));
    }

    [Fact]
    public async Task A_neck_condition_with_a_clear_neck_pattern_goes_to_a_GP_who_checks_the_top_of_the_neck_first()
    {
        var (_, page) = await SubmitAsync("neck-condition", "one-side", "starts-in-neck", "neck-movement");

        Assert.Equal("gp", Outcome(page));
        Assert.Contains("a doctor should check that the top of your neck is stable", MainText(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_headache_at_50_says_see_a_GP_within_days_or_today_with_the_giant_cell_arteritis_signs_and_never_not_an_emergency()
    {
        var (_, page) = await SubmitAsync("new-over-50");
        var card = Text(page.QuerySelector(".triage-result .care-card")!);

        Assert.Equal("gp", Outcome(page));
        Assert.Contains("within the next few days", card, StringComparison.Ordinal);
        Assert.Contains("Get advice today instead", card, StringComparison.Ordinal);
        Assert.All(["jaw when you chew", "tender scalp", "shoulders or hips", "any change in your sight"], words => Assert.Contains(words, card, StringComparison.Ordinal));
        Assert.DoesNotContain("not an emergency", MainText(page), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Mild_sickness_with_a_clear_neck_pattern_reaches_physiotherapy_with_a_line_to_see_a_GP_if_it_gets_worse()
    {
        var (_, page) = await SubmitAsync("one-side", "starts-in-neck", "neck-movement", "nausea-light");

        Assert.Equal("physio", Outcome(page));
        Assert.Contains("See a GP if the sickness, or the way light or noise bothers you, gets worse", MainText(page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("throbbing")]
    [InlineData("aura")]
    public async Task Mild_sickness_with_a_neck_pattern_and_throbbing_or_aura_stays_with_a_GP_on_the_page(string extra)
    {
        var (_, page) = await SubmitAsync("one-side", "starts-in-neck", "neck-movement", "nausea-light", extra);

        Assert.Equal("gp", Outcome(page));
    }

    [Fact]
    public async Task The_result_lists_the_answers_given_instead_of_repeating_the_form_and_changing_them_keeps_them_out_of_the_address()
    {
        var (client, page) = await SubmitAsync("pregnant", "one-side", "dull");

        Assert.Null(page.QuerySelector("form.symptom-form"));
        Assert.Empty(page.QuerySelectorAll("input[type=checkbox]"));
        Assert.Equal(["pregnant", "one-side", "dull"], page.QuerySelectorAll(".answers-given li").Select(li => li.GetAttribute("data-sign")));
        Assert.Equal(SignCatalog.Find("one-side")!.Label, page.QuerySelector(".answers-given li[data-sign=one-side]")!.TextContent);
        var change = page.QuerySelector<IHtmlFormElement>("form.change-answers")!;
        Assert.Equal("Change your answers", change.QuerySelector("button")!.TextContent);

        using var response = await FormSubmission.SubmitAsync(client, change);
        var form = await HeadacheInfoFactory.ReadPageAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("pregnant", response.RequestMessage!.RequestUri!.ToString(), StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("main")!.GetAttribute("data-outcome"));
        Assert.Equal(["pregnant", "one-side", "dull"],
            form.QuerySelectorAll<IHtmlInputElement>("form.symptom-form input[type=checkbox]").Where(b => b.IsChecked).Select(b => b.Value));

        // From the form it returned, ticking one more box and sending it gives a new result.
        using var again = await FormSubmission.SubmitAsync(client, form.QuerySelector<IHtmlFormElement>("form.symptom-form")!,
            [.. form.QuerySelectorAll<IHtmlInputElement>("form.symptom-form input[type=checkbox]").Where(b => b.IsChecked).Select(b => b.Value), "thunderclap"]);
        var result = await HeadacheInfoFactory.ReadPageAsync(again);
        Assert.Equal("emergency", Outcome(result));
        Assert.Empty(again.RequestMessage!.RequestUri!.Query);
    }

    [Fact]
    public async Task Changing_answers_with_a_made_up_value_is_a_bad_request()
    {
        var client = site.CreateClient();
        var token = await site.SymptomFormTokenAsync(client);
        using var response = await client.PostAsync(new Uri("/symptom-check?handler=change", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("signs", "no-such-sign")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_artery_signs_question_shows_its_symptoms_as_a_short_list_inside_its_label()
    {
        var page = await site.GetPageAsync("/symptom-check");
        var label = page.QuerySelector("label[for=sign-artery-signs]")!;

        var items = label.QuerySelectorAll("[role=list] > [role=listitem]").Select(i => i.TextContent).ToList();
        Assert.Equal(SignCatalog.Find("artery-signs")!.List!.Items, items);
        Assert.Contains("double vision", items);
        Assert.Equal("artery-signs", page.QuerySelector<IHtmlInputElement>("#sign-artery-signs")!.Value);
    }
}
