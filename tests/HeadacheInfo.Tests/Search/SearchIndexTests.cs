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
    public void A_word_found_only_deep_in_a_huge_paragraph_still_finds_the_article_with_its_summary_as_the_snippet()
    {
        var huge = string.Concat(Enumerable.Repeat("plain words ", SearchIndex.SnippetScanLength / 10)) + "zebracrossing";
        _content.Write("huge.md", ArticleText.Valid("A very long page", "signs", "## Long\n\n" + huge + "\n"));

        var hit = Assert.Single(Search("zebracrossing"));

        Assert.Equal("huge", hit.Article.Slug);
        Assert.Equal("A short summary of A very long page.", hit.SnippetHtml);
    }

    [Fact]
    public void Nothing_to_search_for_finds_nothing()
    {
        Assert.Empty(Search("  ...  "));
        Assert.Empty(Search("zebra"));
    }

    [Theory]
    [InlineData("physio")]
    [InlineData("physiotherap")]
    public void A_word_of_4_letters_or_more_finds_the_words_it_begins(string query)
    {
        _content.Write("physiotherapy.md", ArticleText.Valid("What a physiotherapist does", "treatment", "## A visit\n\nPhysiotherapy starts with questions.\n"));

        Assert.Equal(["physiotherapy"], Search(query).Select(h => h.Article.Slug));
    }

    [Fact]
    public void A_word_of_fewer_than_4_letters_finds_only_itself()
    {
        Assert.Empty(Search("mig"));
    }

    [Theory]
    [InlineData("migrane")]
    [InlineData("migriane")]
    [InlineData("mgraine")]
    public void A_word_of_5_letters_or_more_one_letter_out_still_finds_the_page(string query)
    {
        Assert.Contains("migraine", Search(query).Select(h => h.Article.Slug));
    }

    [Fact]
    public void A_misspelt_word_ranks_below_the_same_word_spelt_right()
    {
        _content.Write("migrate.md", ArticleText.Valid("Migrate", "signs", "## Moving\n\nWhen you migrate your desk, move slowly.\n"));

        var hits = Search("migraine");

        Assert.Equal("migraine", hits[0].Article.Slug);
    }

    [Fact]
    public void Words_staff_list_as_meaning_the_same_find_each_other_and_title_matches_still_come_first()
    {
        File.WriteAllText(Path.Combine(_content.Root, SearchSynonyms.FileName), "# notes\naccident, crash\ngp, doctor\n");
        _content.Write("crash.md", ArticleText.Valid("After a car crash", "causes", "## Whiplash\n\nA crash can hurt your neck.\n"));
        _content.Write("doctor.md", ArticleText.Valid("Seeing a doctor", "getting-help", "## Your GP\n\nThe GP asks about an accident you had.\n"));

        Assert.Equal(["crash", "doctor"], Search("accident").Select(h => h.Article.Slug));
        Assert.Equal(["doctor"], Search("gp").Select(h => h.Article.Slug).Where(s => s == "doctor"));
    }

    [Fact]
    public void A_synonyms_line_that_cannot_be_used_is_reported_with_its_line_and_the_rest_still_work()
    {
        File.WriteAllText(Path.Combine(_content.Root, SearchSynonyms.FileName), "accident, crash\njust one\n");
        var snapshot = new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), TimeProvider.System)
            .Load(_content.Root, includeDrafts: false, version: 1);

        var problem = Assert.Single(snapshot.Problems, p => p.File == SearchSynonyms.FileName);
        Assert.Equal(2, problem.Line);
        Assert.Single(snapshot.Synonyms);
    }

    [Fact]
    public void A_word_the_site_uses_is_taken_as_written_not_as_a_slip_for_another()
    {
        _content.Write("rash.md", ArticleText.Valid("A rash", "signs", "## Skin\n\nA rash that does not fade.\n"));
        _content.Write("crash.md", ArticleText.Valid("After a crash", "causes", "## Whiplash\n\nA crash can hurt your neck.\n"));

        Assert.Equal(["crash"], Search("crash").Select(h => h.Article.Slug));
    }
}
