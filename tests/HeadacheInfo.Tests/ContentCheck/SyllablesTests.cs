using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Tests.ContentCheck;

public sealed class SyllablesTests
{
    [Theory]
    [InlineData("the", 1)]
    [InlineData("neck", 1)]
    [InlineData("pain", 1)]
    [InlineData("stiff", 1)]
    [InlineData("Head", 1)]
    [InlineData("headache", 2)]
    [InlineData("migraine", 2)]
    [InlineData("posture", 2)]
    [InlineData("muscle", 2)]
    [InlineData("simple", 2)]
    [InlineData("doctor", 2)]
    [InlineData("exercise", 3)]
    [InlineData("physical", 3)]
    [InlineData("ergonomic", 4)]
    [InlineData("manipulation", 5)]
    [InlineData("cervicogenic", 5)]
    [InlineData("it's", 1)]
    [InlineData("", 0)]
    [InlineData("123", 0)]
    public void Syllables_are_counted_as_spoken(string word, int expected) =>
        Assert.Equal(expected, Syllables.Count(word));
}
