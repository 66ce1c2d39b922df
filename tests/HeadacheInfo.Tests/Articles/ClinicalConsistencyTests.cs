using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Tests.Articles;

/// <summary>
/// The shipped articles and the symptom check give each sign the same tier, in the same words: an article
/// that names a sign does so word for word, inside a care card of the tier the check gives it.
/// </summary>
public sealed partial class ClinicalConsistencyTests
{
    private static readonly ContentSnapshot Shipped =
        new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), TimeProvider.System)
            .Load(RepositoryFolders.Content, includeDrafts: true, version: 1);

    /// <summary>The care card an article must put a sign in: the tier the check gives the sign on its own.</summary>
    private static string CardFor(Sign sign) => SymptomTriage.Assess([sign.Id]).Outcome.Card.Key;

    private static IDocument Render(Article article) => new HtmlParser().ParseDocument($"<body>{article.Html}</body>");

    private static string Text(INode node) => Spaces().Replace(node.TextContent, " ");

    private static int Count(string text, string label) => Regex.Count(text, Regex.Escape(label));

    public static TheoryData<string> SignsNeedingHelpSoon()
    {
        var ids = new TheoryData<string>();
        foreach (var sign in SignCatalog.All.Where(s => CardFor(s) != "info"))
        {
            ids.Add(sign.Id);
        }

        return ids;
    }

    [Theory]
    [MemberData(nameof(SignsNeedingHelpSoon))]
    public void When_to_get_urgent_help_lists_every_sign_that_needs_help_soon_in_a_card_of_its_tier(string id)
    {
        var sign = SignCatalog.Find(id)!;
        var page = Render(Shipped.Find("when-to-get-urgent-help")!);

        var cards = page.QuerySelectorAll($"section[data-care-card='{CardFor(sign)}']");

        Assert.True(cards.Any(card => Text(card).Contains(sign.Label, StringComparison.Ordinal)),
            $"when-to-get-urgent-help has no '{CardFor(sign)}' card saying \"{sign.Label}\"");
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

    [Theory]
    [MemberData(nameof(ShippedArticles))]
    public void No_article_gives_a_sign_a_different_tier_from_the_check(string slug)
    {
        var page = Render(Shipped.Find(slug)!);
        var whole = Text(page.Body!);

        Assert.All(SignCatalog.All, sign =>
        {
            var expected = CardFor(sign);
            var everywhere = Count(whole, sign.Label);
            var inItsCard = page.QuerySelectorAll($"section[data-care-card='{expected}']").Sum(card => Count(Text(card), sign.Label));
            var inAnUrgentCard = page.QuerySelectorAll("section[data-care-card='emergency'], section[data-care-card='urgent']")
                .Sum(card => Count(Text(card), sign.Label));
            if (expected == "info")
            {
                Assert.True(inAnUrgentCard == 0, $"{slug} puts \"{sign.Label}\" in an emergency or urgent card; the check sends it to a GP or physiotherapist");
            }
            else
            {
                Assert.True(everywhere == inItsCard, $"{slug} names \"{sign.Label}\" outside a '{expected}' card");
            }
        });
    }

    [Fact]
    public void Double_vision_is_only_ever_an_emergency_in_the_articles()
    {
        Assert.All(Shipped.Articles, article =>
        {
            var page = Render(article);
            var everywhere = Count(Text(page.Body!).ToLowerInvariant(), "double vision");
            var inEmergency = page.QuerySelectorAll("section[data-care-card='emergency']").Sum(card => Count(Text(card).ToLowerInvariant(), "double vision"));
            Assert.True(everywhere == inEmergency, $"{article.Slug} mentions double vision outside an emergency card");
        });
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
