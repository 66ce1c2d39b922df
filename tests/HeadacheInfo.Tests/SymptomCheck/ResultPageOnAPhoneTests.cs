using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Tests.SymptomCheck;

/// <summary>
/// What a reader in pain on a 375 px phone found on the result pages, through the real form: the advice on the
/// first screen, each instruction said once, the lists short enough to take in.
/// </summary>
public sealed partial class ResultPageOnAPhoneTests(ResultPageOnAPhoneTests.Site site) : IClassFixture<ResultPageOnAPhoneTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.CopyShippedArticles();
        }
    }

    private const string FeverWithIllness = "A high temperature with being sick, light or noise bothering you, or feeling very unwell";
    private const string FeverWithStiffNeck = "A high temperature with a stiff neck";

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

    private static string Card(IHtmlDocument page) => Text(page.QuerySelector(".triage-result .care-card")!);

    private static int Count(string text, string words) => Regex.Count(text, Regex.Escape(words), RegexOptions.IgnoreCase);

    [Theory]
    [InlineData("gp")]
    [InlineData("physio", "one-side", "starts-in-neck", "neck-movement")]
    [InlineData("urgent", "fever")]
    [InlineData("urgent", "positional", "one-side")]
    public async Task Every_call_now_watch_list_names_the_fever_combinations_that_mean_call_the_emergency_number(string outcome, params string[] ticked)
    {
        var (_, page) = await SubmitAsync(ticked);
        var callNow = page.QuerySelectorAll(".help-sooner-combinations[data-tier=emergency] li").Select(Text).ToList();

        Assert.Equal(outcome, Outcome(page));
        Assert.Contains(FeverWithIllness, callNow);
        Assert.Contains(FeverWithStiffNeck, callNow);
        Assert.Equal(["fever-and-feeling-ill", "fever-and-stiff-neck"],
            page.QuerySelectorAll(".help-sooner-combinations[data-tier=emergency] li").Select(li => li.GetAttribute("data-rule")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_urgent_help_articles_emergency_card_says_call_the_number_now_with_the_stroke_line_inside_and_never_go_to_A_and_E()
    {
        var page = await site.GetPageAsync("/articles/when-to-get-urgent-help");
        var card = page.QuerySelector("section[data-care-card=emergency]")!;

        Assert.Equal("Call 999 now.", Text(card.QuerySelector(".care-card-action")!));
        Assert.Contains("Do not go to A&E by yourself", Text(card), StringComparison.Ordinal);
        Assert.DoesNotContain("or go to A&E now", Text(page.QuerySelector("main")!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticked_signs_instruction_shows_once_inside_the_result_card()
    {
        var (_, page) = await SubmitAsync("under-16", "pregnant", "positional");

        Assert.Contains("Contact your midwife or maternity unit today as well.", Card(page), StringComparison.Ordinal);
        Assert.Equal(1, Count(MainText(page), "midwife or maternity unit"));
    }

    [Fact]
    public async Task The_blood_thinner_head_injury_line_shows_inside_an_emergency_card_once()
    {
        var (_, page) = await SubmitAsync("thunderclap", "blood-thinners");

        Assert.Contains("If you have hit or hurt your head, call 999 now.", Card(page), StringComparison.Ordinal);
        Assert.Equal(1, Count(MainText(page), "If you have hit or hurt your head"));
    }

    [Fact]
    public async Task The_form_asks_for_a_childs_warning_signs_too_and_never_says_a_child_always_gets_advice_today()
    {
        var form = await site.GetPageAsync("/symptom-check");
        var audience = Text(form.QuerySelector("[data-audience]")!);
        var howItWorks = Text((await site.GetPageAsync("/symptom-check/how-it-works")).QuerySelector("[data-audience]")!);

        Assert.All([audience, howItWorks], said =>
        {
            Assert.Contains("tick the first box", said, StringComparison.Ordinal);
            Assert.Contains("still tick any warning signs", said, StringComparison.Ordinal);
            Assert.Contains("call 999", said, StringComparison.Ordinal);
            Assert.DoesNotContain("always", said, StringComparison.Ordinal);
        });
        var (_, page) = await SubmitAsync("under-16", "thunderclap");
        Assert.Equal("emergency", Outcome(page));
    }

    [Theory]
    [InlineData("neck-manipulation")]
    [InlineData("sudden-neck-pain")]
    [InlineData("neck-manipulation", "sudden-neck-pain", "under-16")]
    public async Task After_a_neck_manipulation_the_heading_says_be_seen_in_person_today_and_no_more_manipulation_is_said_once(params string[] ticked)
    {
        var (_, page) = await SubmitAsync(ticked);

        Assert.Equal("urgent", Outcome(page));
        Assert.Equal("Be seen in person today", page.QuerySelector("#result-heading")!.TextContent);
        Assert.Equal("Not sure where to go? Call NHS 111 on 111", Text(page.QuerySelector(".result-call")!));
        Assert.Equal(1, Count(MainText(page), "no more neck manipulation"));
    }

    [Theory]
    [InlineData("neck-condition", "one-side", "starts-in-neck", "neck-movement")]
    [InlineData("neck-condition")]
    public async Task A_neck_condition_result_lists_the_GP_article_first_and_no_exercises_to_start_at_home(params string[] ticked)
    {
        var (_, page) = await SubmitAsync(ticked);
        var links = page.QuerySelectorAll(".related-articles a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal("/articles/gp-and-physiotherapist", links[0]);
        Assert.DoesNotContain("/articles/gentle-exercises-at-home", links);
    }

    [Fact]
    public async Task With_nothing_ticked_the_result_says_to_call_the_emergency_number_if_you_feel_very_ill_and_says_start_with_a_GP_once()
    {
        var (_, page) = await SubmitAsync();

        Assert.DoesNotContain("not an emergency", MainText(page), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("If none of the boxes fit but you feel very ill, call 999", Card(page), StringComparison.Ordinal);
        Assert.Equal(1, Count(MainText(page), "GP is a good place to start") + Count(MainText(page), "GP is the best person to start with"));
    }

    [Fact]
    public async Task The_artery_signs_are_a_list_in_the_watch_list_the_article_card_and_how_it_works()
    {
        var items = SignCatalog.Find("artery-signs")!.List!.Items;
        var (_, result) = await SubmitAsync("one-side", "starts-in-neck");
        var article = await site.GetPageAsync("/articles/when-to-get-urgent-help");
        var howItWorks = await site.GetPageAsync("/symptom-check/how-it-works");

        foreach (var place in new[]
                 {
                     result.QuerySelector(".help-sooner[data-tier=emergency] li[data-sign=artery-signs]")!,
                     article.QuerySelector("section[data-care-card=emergency] [data-emergency-signs] li[data-sign=artery-signs]")!,
                     howItWorks.QuerySelector("li.rule[data-rule=emergency-sign] li[data-sign=artery-signs]")!,
                 })
        {
            Assert.Equal(items, place.QuerySelectorAll("[role=list] > [role=listitem]").Select(i => Text(i).TrimEnd(',', ' ')).Select(i => i.StartsWith("or ", StringComparison.Ordinal) ? i[3..] : i));
        }
    }

    [Theory]
    [InlineData("gp")]
    [InlineData("physio", "one-side", "starts-in-neck", "neck-movement")]
    public async Task A_GP_or_physio_result_folds_the_advice_today_signs_under_a_summary_with_their_count(string outcome, params string[] ticked)
    {
        var (_, page) = await SubmitAsync(ticked);
        var details = page.QuerySelector("details.help-sooner-today")!;
        var count = details.QuerySelectorAll(".help-sooner[data-tier=urgent] > li").Length;

        Assert.Equal(outcome, Outcome(page));
        Assert.True(count > 10);
        Assert.Equal($"Other signs that need advice today ({count})", Text(details.QuerySelector("summary")!));
        Assert.Null(page.QuerySelector("details .help-sooner[data-tier=emergency]"));
        Assert.Contains("call NHS 111 on 111", Text(details), StringComparison.Ordinal);
        Assert.DoesNotContain("(111)", MainText(page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("neuro-deficit")]
    [InlineData("vision-loss")]
    public async Task A_stroke_sign_result_says_these_can_be_signs_of_a_stroke(string id)
    {
        var (_, page) = await SubmitAsync(id);

        Assert.Contains("These can be signs of a stroke.", MainText(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task How_it_works_says_what_changed_for_stroke_and_does_not_call_its_rules_a_short_list()
    {
        var page = await site.GetPageAsync("/symptom-check/how-it-works");

        Assert.DoesNotContain("short list", MainText(page), StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".what-changed li").Select(Text), line => line.Contains("stroke", StringComparison.Ordinal) && line.Contains("A&E", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_urgent_help_article_says_mild_sickness_with_a_clear_neck_pattern_can_lead_to_a_physiotherapist()
    {
        var page = await site.GetPageAsync("/articles/when-to-get-urgent-help");

        Assert.Contains(page.QuerySelectorAll("main p").Select(Text), p =>
            p.Contains("neck pattern", StringComparison.Ordinal) && p.Contains("physiotherapist", StringComparison.Ordinal) && p.Contains("light", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changing_answers_says_they_are_still_ticked_at_the_top_with_a_link_to_the_first_ticked_box()
    {
        var (client, page) = await SubmitAsync("one-side", "dull");
        using var response = await FormSubmission.SubmitAsync(client, page.QuerySelector<IHtmlFormElement>("form.change-answers")!);
        var form = await HeadacheInfoFactory.ReadPageAsync(response);
        var note = form.QuerySelector(".changing-answers")!;

        Assert.Equal("#sign-one-side", note.QuerySelector("a")!.GetAttribute("href"));
        Assert.Same(note, form.QuerySelector("main h1")!.NextElementSibling);
    }
}
