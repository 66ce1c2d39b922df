using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace HeadacheInfo.Web.Search;

/// <summary>How text becomes search terms: lowercase, accents removed, punctuation ignored, words stemmed.</summary>
public static partial class SearchText
{
    public static IEnumerable<string> Terms(string text) => Words(text).Select(Term);

    /// <summary>The term one word is searched by.</summary>
    public static string Term(string word) => PorterStemmer.Stem(Fold(word));

    /// <summary>The words of <paramref name="text"/> with where each starts, for marking matches in a snippet.</summary>
    public static IEnumerable<(int Index, int Length, string Term)> WordsWithTerms(string text) =>
        WordPattern().Matches(text).Select(m => (m.Index, m.Length, Term(m.Value)));

    public static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value);

    /// <summary>Lowercase ASCII letters and digits: "Café" becomes "cafe", "Don't" becomes "dont".</summary>
    public static string Fold(string word)
    {
        var folded = new StringBuilder(word.Length);
        foreach (var c in word.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                folded.Append(c);
            }
            else if (AccentFree.TryGetValue(c, out var plain))
            {
                folded.Append(plain);
            }
        }

        return folded.ToString();
    }

    // The site runs with invariant globalization (no ICU), so Unicode normalization cannot strip accents;
    // this table covers the accented Latin letters of European languages.
    private static readonly FrozenDictionary<char, string> AccentFree = new (string Accented, string Plain)[]
    {
        ("àáâãäåāăą", "a"), ("æ", "ae"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"),
        ("ĥħ", "h"), ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"),
        ("òóôõöøōŏő", "o"), ("œ", "oe"), ("ŕŗř", "r"), ("śŝşšß", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"),
        ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"), ("ðþ", "th"),
    }.SelectMany(group => group.Accented.Select(c => (c, group.Plain))).ToFrozenDictionary(p => p.c, p => p.Plain);

    // Letters and digits, with apostrophes inside words ("don't").
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*")]
    private static partial Regex WordPattern();
}
