using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace HeadacheInfo.Web.ContentCheck;

/// <summary>
/// Counts the syllables in an English word by rule of thumb: groups of vowels, less a silent final "e"
/// and the "-es" and "-ed" endings that add no sound. Close enough for a reading grade, which is itself
/// an estimate.
/// </summary>
public static partial class Syllables
{
    /// <summary>Enough for every word of thousands of articles; bounded, since any text can be checked.</summary>
    private const int MaxRemembered = 100_000;

    // The same few thousand words make up every article: each is counted once, not each time it is read.
    private static readonly ConcurrentDictionary<string, int> Remembered = new(StringComparer.Ordinal);
    private static int _remembered;

    public static int Count(string word)
    {
        if (Remembered.TryGetValue(word, out var known))
        {
            return known;
        }

        var count = CountOnce(word);
        if (Volatile.Read(ref _remembered) < MaxRemembered && Remembered.TryAdd(word, count))
        {
            Interlocked.Increment(ref _remembered);
        }

        return count;
    }

    private static int CountOnce(string word)
    {
        var letters = NotLetters().Replace(word.ToLowerInvariant(), string.Empty);
        if (letters.Length == 0)
        {
            return 0;
        }

        if (letters.Length <= 3)
        {
            return 1;
        }

        letters = SilentEnding().Replace(letters, string.Empty);
        letters = LeadingY().Replace(letters, string.Empty);
        return Math.Max(1, VowelGroup().Count(letters));
    }

    [GeneratedRegex("[^a-z]")]
    private static partial Regex NotLetters();

    [GeneratedRegex("(?:[^laeiouy]es|ed|[^laeiouy]e)$")]
    private static partial Regex SilentEnding();

    [GeneratedRegex("^y")]
    private static partial Regex LeadingY();

    [GeneratedRegex("[aeiouy]{1,2}")]
    private static partial Regex VowelGroup();
}
