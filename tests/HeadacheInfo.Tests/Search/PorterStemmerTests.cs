using HeadacheInfo.Web.Search;

namespace HeadacheInfo.Tests.Search;

public sealed class PorterStemmerTests
{
    // Pairs from Porter's paper and its published vocabulary, and from our own subject.
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("generalization", "gener")]
    [InlineData("hopefulness", "hope")]
    [InlineData("goodness", "good")]
    [InlineData("adjustment", "adjust")]
    [InlineData("adoption", "adopt")]
    [InlineData("effective", "effect")]
    [InlineData("controlling", "control")]
    [InlineData("headache", "headach")]
    [InlineData("headaches", "headach")]
    [InlineData("exercise", "exercis")]
    [InlineData("exercising", "exercis")]
    [InlineData("exercises", "exercis")]
    public void Words_stem_as_Porter_defines(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("headaches", "headache")]
    [InlineData("exercising", "exercise")]
    [InlineData("stretches", "stretching")]
    [InlineData("physiotherapist", "physiotherapists")]
    [InlineData("stiffness", "stiff")]
    public void Word_forms_meet(string one, string other) => Assert.Equal(PorterStemmer.Stem(one), PorterStemmer.Stem(other));
}
