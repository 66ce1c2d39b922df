using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.SymptomCheck;

/// <summary>A result page lists the articles the content says suit it, whichever they are.</summary>
public sealed class SuitedArticlesPageTests(SuitedArticlesPageTests.Site site) : IClassFixture<SuitedArticlesPageTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("help-now", "Help now", "getting-help", suits: "[emergency, urgent, gp, physio]");
            Content.WriteArticle("stretches-for-your-neck", "Stretches for your neck", "self-care", suits: "[physio]");
            Content.WriteArticle("seeing-your-doctor", "Seeing your doctor", "getting-help", suits: "gp");
            Content.WriteArticle("physiotherapy-assessment", "What happens at a physiotherapy assessment", "treatment");
        }
    }

    private async Task<IHtmlDocument> ResultAsync(params string[] ticked)
    {
        var client = site.CreateClient();
        var form = await site.GetPageAsync("/symptom-check", client);
        var response = await FormSubmission.SubmitAsync(client, form.QuerySelector<IHtmlFormElement>("form.symptom-form")!, ticked);
        return await HeadacheInfoFactory.ReadPageAsync(response);
    }

    private static List<string?> Related(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".related-articles a").Select(a => a.GetAttribute("href"))];

    [Fact]
    public async Task A_physio_result_lists_the_articles_that_suit_it_and_then_the_one_about_help_sooner()
    {
        var page = await ResultAsync("one-side", "starts-in-neck", "neck-movement");

        Assert.Equal("physio", page.QuerySelector("main")?.GetAttribute("data-outcome"));
        Assert.Equal(["/articles/stretches-for-your-neck", "/articles/help-now"], Related(page));
    }

    [Fact]
    public async Task A_gp_result_lists_its_own_article_not_the_physio_ones()
    {
        var page = await ResultAsync("throbbing", "nausea-light");

        Assert.Equal("gp", page.QuerySelector("main")?.GetAttribute("data-outcome"));
        Assert.Equal(["/articles/seeing-your-doctor", "/articles/help-now"], Related(page));
    }

    [Fact]
    public async Task An_emergency_result_lists_only_the_article_that_suits_an_emergency()
    {
        var page = await ResultAsync("thunderclap");

        Assert.Equal(["/articles/help-now"], Related(page));
    }
}
