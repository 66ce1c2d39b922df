using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Tests.ContentCheck;

public sealed class ReadingGradeTests
{
    [Fact]
    public void Grade_follows_the_Flesch_Kincaid_formula()
    {
        // 13 words, 2 sentences, 14 syllables: 0.39 * 13 / 2 + 11.8 * 14 / 13 - 15.59 = -0.35
        var grade = ReadingGrade.Measure(["The neck is stiff. A headache starts at the back of the head."]);

        Assert.Equal(13, grade.Words);
        Assert.Equal(2, grade.Sentences);
        Assert.Equal(14, grade.Syllables);
        Assert.Equal(-0.3, grade.Grade);
    }

    [Fact]
    public void Long_sentences_of_long_words_score_a_high_grade()
    {
        var plain = ReadingGrade.Measure(["Your neck is stiff. It hurts when you turn. Rest helps."]);
        var dense = ReadingGrade.Measure([
            "Cervicogenic headache, a secondary headache disorder attributable to musculoskeletal dysfunction of " +
            "the upper cervical spine, is characteristically unilateral and provoked by sustained neck postures."]);

        Assert.True(plain.Grade <= 2, $"plain grade {plain.Grade}");
        Assert.True(dense.Grade >= 16, $"dense grade {dense.Grade}");
    }

    [Fact]
    public void A_list_item_without_a_full_stop_is_one_sentence()
    {
        var grade = ReadingGrade.Measure(["a stiff neck", "pain on one side"]);

        Assert.Equal(2, grade.Sentences);
        Assert.Equal(7, grade.Words);
    }

    [Fact]
    public void Decimal_numbers_do_not_end_sentences()
    {
        Assert.Equal(1, ReadingGrade.Measure(["About 2.5 in every 100 adults have it."]).Sentences);
    }

    [Fact]
    public void No_prose_gives_grade_zero() => Assert.Equal(0, ReadingGrade.Measure([]).Grade);
}
