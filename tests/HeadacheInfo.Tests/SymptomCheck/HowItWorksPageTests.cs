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
}
