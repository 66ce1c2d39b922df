using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Tests.SymptomCheck;

public sealed class SymptomCheckPageTests(SymptomCheckPageTests.Site site) : IClassFixture<SymptomCheckPageTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("Clinic:Name", "Riverside Physiotherapy");
            WithSetting("Clinic:Phone", "0161 555 0100");
            WithSetting("Clinic:BookingUrl", "https://riverside.example/book");
            Content.WriteArticle("when-to-get-urgent-help", "When to get urgent help", "getting-help", suits: "[emergency, urgent, gp, physio]");
            Content.WriteArticle("physiotherapy-assessment", "What happens at a physiotherapy assessment", "treatment", suits: "[physio]");
        }
    }

    private async Task<(HttpClient Client, IHtmlDocument Page)> OpenFormAsync()
    {
        var client = site.CreateClient();
        return (client, await site.GetPageAsync("/symptom-check", client));
    }

    private async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SubmitAsync(params string[] ticked)
    {
        var (client, page) = await OpenFormAsync();
        var response = await FormSubmission.SubmitAsync(client, page.QuerySelector<IHtmlFormElement>("form.symptom-form")!, ticked);
        return (response, await HeadacheInfoFactory.ReadPageAsync(response));
    }

    [Fact]
    public async Task Form_asks_every_question_as_a_labelled_signs_checkbox_who_it_is_for_then_warning_signs()
    {
        var (_, page) = await OpenFormAsync();

        var boxes = page.QuerySelectorAll<IHtmlInputElement>("form input[type=checkbox]").ToList();
        Assert.All(boxes, box => Assert.Equal("signs", box.Name));
        Assert.Equal(SignCatalog.All.Select(s => s.Id), boxes.Select(b => b.Value));
        Assert.All(boxes, box => Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector($"label[for='{box.Id}']")?.TextContent)));
        Assert.Equal(["About the person with the headache", "Warning signs that need help straight away"],
            page.QuerySelectorAll("fieldset legend").Take(2).Select(l => l.TextContent));
        Assert.Equal("under-16", boxes[0].Value);
        Assert.Contains("16 and over", page.QuerySelector("[data-audience]")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form input[name=__RequestVerificationToken]"));
        Assert.Null(page.QuerySelector("main[data-outcome]"));
    }

    [Theory]
    [InlineData("emergency", new[] { "thunderclap" })]
    [InlineData("emergency", new[] { "fever", "neck-stiff" })]
    [InlineData("urgent", new[] { "jaw-scalp", "one-side", "starts-in-neck" })]
    [InlineData("gp", new[] { "throbbing", "nausea-light" })]
    [InlineData("physio", new[] { "one-side", "starts-in-neck", "neck-movement" })]
    public async Task Submitting_the_form_shows_the_outcome_on_the_main_element(string outcome, string[] ticked)
    {
        var (response, page) = await SubmitAsync(ticked);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(outcome, page.QuerySelector("main")?.GetAttribute("data-outcome"));
        Assert.Single(page.QuerySelectorAll("[data-outcome]"));
    }

    [Fact]
    public async Task Result_is_never_cached_and_never_in_the_address()
    {
        var (response, _) = await SubmitAsync("one-side", "starts-in-neck");

        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("/symptom-check", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Empty(response.RequestMessage.RequestUri.Query);
        Assert.False(response.Headers.Contains("Set-Cookie") &&
            response.Headers.GetValues("Set-Cookie").Any(c => c.Contains("one-side", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Emergency_result_gives_the_number_as_a_phone_link_and_the_reasons()
    {
        var (_, page) = await SubmitAsync("vision-loss", "one-side", "starts-in-neck");

        Assert.Equal("Call 999 now", page.QuerySelector("#result-heading")?.TextContent);
        Assert.Equal("Call 999", page.QuerySelector(".result-call a[href='tel:999']")?.TextContent);
        var reasons = page.QuerySelectorAll(".result-reasons li").Select(li => li.GetAttribute("data-sign"));
        Assert.Equal(["vision-loss"], reasons);
        Assert.Contains("not a diagnosis", page.QuerySelector(".disclaimer")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Urgent_result_gives_the_advice_line_and_says_contact_your_GP_today()
    {
        var (_, page) = await SubmitAsync("pregnant");
        var card = page.QuerySelector(".triage-result .care-card")!;

        Assert.Equal("Get medical advice today", card.QuerySelector("h2")?.TextContent);
        Assert.NotNull(card.QuerySelector("a[href='tel:111']"));
        Assert.NotNull(card.QuerySelector("a[href='https://111.nhs.uk']"));
        Assert.Contains("Contact your GP today", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Call 999", page.QuerySelector(".triage-result")!.TextContent.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Physio_result_gives_the_clinic_booking_details_and_when_to_see_a_GP_instead()
    {
        var (_, page) = await SubmitAsync("neck-movement", "neck-stiff");
        var card = page.QuerySelector(".triage-result .care-card")!;

        Assert.Equal("See a physiotherapist", card.QuerySelector("h2")?.TextContent);
        Assert.Equal("0161 555 0100", card.QuerySelector("a[href='tel:01615550100']")?.TextContent);
        Assert.NotNull(card.QuerySelector("a[href='https://riverside.example/book']"));
        Assert.Contains("See a GP instead if", card.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".related-articles a"), a => a.GetAttribute("href") == "/articles/physiotherapy-assessment");
    }

    [Fact]
    public async Task Every_result_has_safety_netting()
    {
        foreach (var ticked in new[] { new[] { "throbbing" }, ["one-side", "starts-in-neck"], ["getting-worse"] })
        {
            var (_, page) = await SubmitAsync(ticked);

            // The emergency signs, word for word as the form asks them.
            Assert.Equal(SignCatalog.IdsIn(SignGroup.Emergency), page.QuerySelectorAll(".help-sooner[data-tier=emergency] li").Select(li => li.GetAttribute("data-sign")));
            Assert.Contains("A sudden, very bad headache", page.QuerySelector(".triage-result")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(page.QuerySelectorAll(".related-articles a"), a => a.GetAttribute("href") == "/articles/when-to-get-urgent-help");
        }
    }

    [Fact]
    public async Task With_a_stiff_neck_ticked_a_high_temperature_is_listed_as_an_emergency_not_as_advice_today()
    {
        var (_, page) = await SubmitAsync("one-side", "starts-in-neck", "neck-movement", "neck-stiff");

        Assert.Equal("physio", page.QuerySelector("main")?.GetAttribute("data-outcome"));
        Assert.NotNull(page.QuerySelector(".help-sooner[data-tier=emergency] li[data-sign=fever]"));
        Assert.Null(page.QuerySelector(".help-sooner[data-tier=urgent] li[data-sign=fever]"));
        Assert.NotNull(page.QuerySelector(".help-sooner[data-tier=urgent] li[data-sign=very-unwell]"));
    }

    [Fact]
    public async Task Nothing_ticked_gives_gp_with_a_message_saying_so()
    {
        var (_, page) = await SubmitAsync();

        Assert.Equal("gp", page.QuerySelector("main")?.GetAttribute("data-outcome"));
        Assert.Contains("You did not tick anything", page.QuerySelector(".triage-result")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gp_result_with_neck_signs_says_a_physiotherapist_may_help_after_the_GP()
    {
        var (_, page) = await SubmitAsync("aura", "one-side", "starts-in-neck");

        Assert.Contains("a physiotherapist may be able to help", page.QuerySelector(".triage-result")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_keeps_the_answers_so_they_can_be_changed()
    {
        // Round 3 (phones): the result no longer repeats the whole form; "Change your answers" brings it back ticked.
        var (client, form) = await OpenFormAsync();
        using var response = await FormSubmission.SubmitAsync(client, form.QuerySelector<IHtmlFormElement>("form.symptom-form")!, "one-side", "dull");
        var result = await HeadacheInfoFactory.ReadPageAsync(response);

        using var changing = await FormSubmission.SubmitAsync(client, result.QuerySelector<IHtmlFormElement>("form.change-answers")!);
        var page = await HeadacheInfoFactory.ReadPageAsync(changing);

        var ticked = page.QuerySelectorAll<IHtmlInputElement>("form.symptom-form input[type=checkbox]").Where(b => b.IsChecked).Select(b => b.Value);
        Assert.Equal(["one-side", "dull"], ticked);
    }

    [Fact]
    public async Task Header_and_footer_show_the_clinic_name_and_phone()
    {
        var (_, page) = await OpenFormAsync();

        Assert.Equal("Riverside Physiotherapy", page.QuerySelector("header .site-name")?.TextContent);
        Assert.NotNull(page.QuerySelector("header a[href='tel:01615550100']"));
        Assert.Contains("Riverside Physiotherapy", page.QuerySelector("footer")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_are_not_written_to_the_log()
    {
        await SubmitAsync("thunderclap", "pregnant", "one-side", "starts-in-neck", "painkillers-often");

        var log = string.Join('\n', site.Logs.Lines);
        Assert.Contains("/symptom-check", log, StringComparison.Ordinal); // the request itself is logged
        Assert.All(SignCatalog.All, sign => Assert.DoesNotContain(sign.Id, log, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pregnancy_result_also_sends_you_to_your_midwife_or_maternity_unit()
    {
        var (_, page) = await SubmitAsync("pregnant");

        Assert.Contains("midwife or maternity unit", page.QuerySelector(".triage-result")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("throbbing")]
    [InlineData("one-side", "starts-in-neck", "neck-movement")]
    public async Task GP_and_physiotherapy_results_say_to_bring_a_headache_diary(params string[] ticked)
    {
        var (_, page) = await SubmitAsync(ticked);

        Assert.Contains(page.QuerySelectorAll(".triage-result a"), a => a.GetAttribute("href") == "/headache-diary");
    }
}
