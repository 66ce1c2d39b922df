using System.Collections.Immutable;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Tests.SymptomCheck;

/// <summary>
/// Pins the articles each result page lists for the shipped content, in order, to the lists the site showed
/// when they were still written into the code: moving the choice into the content must not change a page.
/// </summary>
public sealed class ShippedRelatedArticlesTests
{
    private static readonly ContentSnapshot Shipped =
        new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), TimeProvider.System)
            .Load(RepositoryFolders.Content, includeDrafts: false, version: 1);

    /// <summary>Today's lists, as the code wrote them before the content said which articles suit which result.</summary>
    private static string[] Expected(TriageResult result)
    {
        var ticked = result.Ticked.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var slugs = new List<string>();
        // Since the phone review: when a doctor checks the neck first, the GP article leads and no home exercises are offered.
        var doctorFirst = result.Outcome.Tier == 0 && ticked.Overlaps(TriageRules.DoctorChecksNeckFirst);
        if (doctorFirst)
        {
            slugs.Add("gp-and-physiotherapist");
        }

        if (result.Outcome == TriageOutcome.Physio || result.PhysioMayHelpAfterGp)
        {
            slugs.AddRange(["is-my-headache-coming-from-my-neck", "physiotherapy-assessment"]);
            if (!ticked.Overlaps(TriageRules.DoctorChecksNeckFirst))
            {
                slugs.Add("gentle-exercises-at-home");
            }
        }

        if (result.Outcome == TriageOutcome.Gp)
        {
            slugs.Add("gp-and-physiotherapist");
            if (ticked.Overlaps(SignCatalog.IdsIn(SignGroup.OtherPattern)))
            {
                slugs.Add("neck-headache-or-migraine");
            }
        }

        if (ticked.Contains("painkillers-often"))
        {
            slugs.Add("looking-after-yourself");
        }

        slugs.Add("when-to-get-urgent-help");
        return [.. slugs.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Nothing, every sign alone, every pair, and each neck sign with every pair of other signs.</summary>
    private static IEnumerable<ImmutableArray<string>> AnswerSets()
    {
        var ids = SignCatalog.All.Select(s => s.Id).ToList();
        yield return ImmutableArray<string>.Empty;
        for (var i = 0; i < ids.Count; i++)
        {
            yield return [ids[i]];
            for (var j = i + 1; j < ids.Count; j++)
            {
                yield return [ids[i], ids[j]];
                foreach (var neck in SignCatalog.IdsIn(SignGroup.NeckPattern).Where(n => n != ids[i] && n != ids[j]))
                {
                    yield return [neck, ids[i], ids[j]];
                }
            }
        }
    }

    public static TheoryData<string> Outcomes() => [.. TriageOutcome.All.Select(o => o.Key)];

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Every_result_points_to_a_shipped_article_that_suits_it(string outcome) =>
        Assert.Contains(Shipped.Articles, article => article.FrontMatter.Suits.Contains(outcome));

    [Fact]
    public void Every_result_lists_the_same_shipped_articles_in_the_same_order_as_before()
    {
        var outcomesSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answers in AnswerSets())
        {
            var result = SymptomTriage.Assess(answers);
            outcomesSeen.Add(result.Outcome.Key + (result.PhysioMayHelpAfterGp ? "+physio" : string.Empty));
            var shown = RelatedArticles.For(result, Shipped).Select(a => a.Slug).ToArray();
            Assert.True(Expected(result).SequenceEqual(shown),
                $"answers [{string.Join(", ", answers)}] ({result.Outcome.Key}): expected [{string.Join(", ", Expected(result))}], shown [{string.Join(", ", shown)}]");
        }

        // The sets above reach every kind of result, so the pin covers each of today's lists.
        Assert.Equal(["emergency", "gp", "gp+physio", "physio", "urgent"], outcomesSeen.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(new string[0], new[] { "gp-and-physiotherapist", "when-to-get-urgent-help" })]
    [InlineData(new[] { "one-side", "starts-in-neck", "neck-movement" }, new[] { "is-my-headache-coming-from-my-neck", "physiotherapy-assessment", "gentle-exercises-at-home", "when-to-get-urgent-help" })]
    [InlineData(new[] { "thunderclap", "painkillers-often" }, new[] { "looking-after-yourself", "when-to-get-urgent-help" })]
    [InlineData(new[] { "painkillers-often" }, new[] { "gp-and-physiotherapist", "neck-headache-or-migraine", "looking-after-yourself", "when-to-get-urgent-help" })]
    public void A_result_lists_these_shipped_articles(string[] answers, string[] expected)
    {
        var shown = RelatedArticles.For(SymptomTriage.Assess([.. answers]), Shipped).Select(a => a.Slug);

        Assert.Equal(expected, shown);
    }
}
