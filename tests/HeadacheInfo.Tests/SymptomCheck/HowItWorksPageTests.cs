using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Tests.SymptomCheck;

public sealed class HowItWorksPageTests(HeadacheInfoFactory site) : IClassFixture<HeadacheInfoFactory>
{
    [Fact]
    public async Task How_it_works_lists_every_rule_in_order_with_its_source()
    {
        var page = await site.GetPageAsync("/symptom-check/how-it-works");

        var rules = page.QuerySelectorAll("li.rule").ToList();
        Assert.Equal(TriageRules.All.Select(r => r.Id), rules.Select(r => r.GetAttribute("data-rule")));
        Assert.All(rules.Zip(TriageRules.All), pair =>
        {
            Assert.Contains(pair.Second.Source, pair.First.QuerySelector(".rule-source")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(pair.Second.ExplanationFor(new HeadacheInfo.Web.Clinic.ClinicOptions()), pair.First.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task How_it_works_names_every_question()
    {
        var page = await site.GetPageAsync("/symptom-check/how-it-works");
        var text = page.QuerySelector("main")!.TextContent;

        Assert.All(SignCatalog.All, sign => Assert.Contains(sign.Label, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task How_it_works_says_who_the_check_is_for()
    {
        var page = await site.GetPageAsync("/symptom-check/how-it-works");

        Assert.Contains("16 and over", page.QuerySelector("[data-audience]")?.TextContent, StringComparison.Ordinal);
    }

    private static string Text(AngleSharp.Dom.IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task How_it_works_says_the_neck_thresholds_are_the_sites_own_and_untested()
    {
        var page = await site.GetPageAsync("/symptom-check/how-it-works");
        var said = Text(page.QuerySelector("[data-neck-threshold]")!);

        Assert.Contains("2 of the 7 neck signs", said, StringComparison.Ordinal);
        Assert.Contains("this site's own", said, StringComparison.Ordinal);
        Assert.Contains("not been tested", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task How_it_works_says_answers_go_to_this_sites_server_once_and_are_not_stored()
    {
        var page = await site.GetPageAsync("/symptom-check/how-it-works");
        var text = Text(page.QuerySelector("main")!);

        Assert.DoesNotContain("sent anywhere", text, StringComparison.Ordinal);
        Assert.Contains("go to this site's server once, to work out your result", text, StringComparison.Ordinal);
        Assert.Contains("not stored", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task How_it_works_cites_the_age_line_of_50_to_giant_cell_arteritis_guidance_and_SNNOOP10_at_65()
    {
        var page = await site.GetPageAsync("/symptom-check/how-it-works");
        var rule = Text(page.QuerySelector("li.rule[data-rule=new-headache-over-50] .rule-source")!);

        Assert.Contains("Mackie et al., Rheumatology 2020", rule, StringComparison.Ordinal);
        Assert.Contains("SNOOP4", rule, StringComparison.Ordinal);
        Assert.Contains("after 65", rule, StringComparison.Ordinal);
    }
}
