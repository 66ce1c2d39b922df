using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Search;

namespace HeadacheInfo.Tests.Search;

public sealed class SearchIndexTests : IDisposable
{
    private readonly TemporaryContentFolder _content = new();

    public SearchIndexTests()
    {
        _content.Write("exercise-guide.md", ArticleText.Valid("Exercise for your neck", "treatment",
            "## Getting started\n\nGentle movement helps most people.\n"));
        _content.Write("posture.md", ArticleText.Valid("Posture at work", "self-care",
            "## Your desk\n\nTake breaks. Some people find that exercising at lunchtime helps their headaches.\n"));
        _content.Write("migraine.md", ArticleText.Valid("Migraine or neck headache?", "signs",
            "## Café culture\n\nThrobbing pain is more like migraine.\n"));
    }

    public void Dispose() => _content.Dispose();

    private IReadOnlyList<SearchHit> Search(string query)
    {
        var snapshot = new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), TimeProvider.System)
            .Load(_content.Root, includeDrafts: false, version: 1);
        return new SearchIndex(snapshot).Search(query);
    }

    [Fact]
    public void Word_forms_match_and_title_matches_rank_above_body_matches()
    {
        var hits = Search("exercises");

        Assert.Equal(["exercise-guide", "posture"], hits.Select(h => h.Article.Slug));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Theory]
    [InlineData("HEADACHES")]
    [InlineData("headache!")]
    [InlineData("  headache,  ")]
    public void Case_and_punctuation_are_ignored(string query)
    {
        Assert.Contains(Search(query), h => h.Article.Slug == "posture");
    }

    [Fact]
    public void Accents_are_ignored()
    {
        Assert.Equal(["migraine"], Search("cafe").Select(h => h.Article.Slug));
        Assert.Equal(["migraine"], Search("CAFÉ").Select(h => h.Article.Slug));
    }

    [Fact]
    public void Every_word_of_the_query_must_match()
    {
        Assert.Empty(Search("exercise migraine"));
        Assert.Equal(["posture"], Search("exercise lunchtime").Select(h => h.Article.Slug));
    }

    [Fact]
    public void Snippet_marks_the_matched_words_in_context()
    {
        var hit = Assert.Single(Search("lunchtime"));

        Assert.Contains("<mark>lunchtime</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("exercising at", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_to_search_for_finds_nothing()
    {
        Assert.Empty(Search("  ...  "));
        Assert.Empty(Search("zebra"));
    }
}
