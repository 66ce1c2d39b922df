using AngleSharp.Html.Parser;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;

namespace HeadacheInfo.Tests.Articles.CareCards;

public sealed class CareCardTests
{
    private static AngleSharp.Dom.IElement RenderCard(string markdown, ClinicOptions? clinic = null)
    {
        var parser = new ArticleParser(ArticleMarkdown.CreatePipeline(clinic ?? new ClinicOptions()));
        var html = parser.Parse("articles/sample.md", "sample", ArticleText.Valid("Sample", body: markdown)).Article!.Html;
        return Assert.Single(new HtmlParser().ParseDocument(html).QuerySelectorAll("body > .care-card"));
    }

    [Theory]
    [InlineData("emergency", "Emergency: Call 999 now")]
    [InlineData("urgent", "Urgent: Get advice today")]
    [InlineData("info", "Information: Good to know")]
    public void Each_kind_renders_as_a_labelled_card_with_its_heading(string kind, string heading)
    {
        var card = RenderCard($"::: {kind}\nSome **advice**.\n:::");

        Assert.Equal("section", card.LocalName);
        Assert.Equal(kind, card.GetAttribute("data-care-card"));
        Assert.Equal(heading, card.GetAttribute("aria-label"));
        Assert.Equal(heading, card.QuerySelector("h3")?.TextContent);
        Assert.Equal("advice", card.QuerySelector("p strong")?.TextContent);
    }

    [Fact]
    public void Emergency_card_gives_the_configured_number_as_a_phone_link()
    {
        var card = RenderCard("::: emergency\nA sudden, very bad headache.\n:::", new ClinicOptions { EmergencyNumber = "112" });

        Assert.Equal("Emergency: Call 112 now", card.QuerySelector("h3")?.TextContent);
        Assert.Equal("112", card.QuerySelector("a[href='tel:112']")?.TextContent);
    }

    [Fact]
    public void Urgent_card_gives_the_configured_advice_line()
    {
        var card = RenderCard("::: urgent\nJaw pain when chewing.\n:::",
            new ClinicOptions { UrgentAdviceName = "NHS 24", UrgentAdviceNumber = "111", UrgentAdviceUrl = "https://www.nhs24.scot" });

        Assert.Contains("Call NHS 24 on 111", card.TextContent, StringComparison.Ordinal);
        Assert.NotNull(card.QuerySelector("a[href='tel:111']"));
        Assert.NotNull(card.QuerySelector("a[href='https://www.nhs24.scot']"));
        Assert.Contains("contact your GP today", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_kind_keeps_its_text_in_a_plain_box()
    {
        var card = RenderCard("::: warning\nStill shown.\n:::");

        Assert.Equal("div", card.LocalName);
        Assert.Equal("Still shown.", card.TextContent.Trim());
        Assert.Null(card.QuerySelector("h3"));
    }
}
