using System.Text.RegularExpressions;

namespace HeadacheInfo.Web.ContentCheck;

/// <summary>
/// The Flesch-Kincaid grade level of some prose: about the US school grade needed to read it easily.
/// Grade 8 is a reading age of 13 to 14.
/// </summary>
public sealed partial record ReadingGrade(double Grade, int Words, int Sentences, int Syllables)
{
    /// <param name="paragraphs">Running text, one paragraph or list item each. One with no full stop still
    /// counts as a sentence, as a list item does.</param>
    public static ReadingGrade Measure(IEnumerable<string> paragraphs)
    {
        int words = 0, sentences = 0, syllables = 0;
        foreach (var paragraph in paragraphs)
        {
            var paragraphWords = Word().Matches(paragraph);
            if (paragraphWords.Count == 0)
            {
                continue;
            }

            words += paragraphWords.Count;
            syllables += paragraphWords.Sum(match => ContentCheck.Syllables.Count(match.Value));
            sentences += Math.Max(1, SentenceEnd().Count(paragraph));
        }

        var grade = words == 0
            ? 0
            : (0.39 * words / sentences) + (11.8 * syllables / words) - 15.59;
        return new ReadingGrade(Math.Round(grade, 1), words, sentences, syllables);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")]
    private static partial Regex Word();

    // A full stop, question mark or exclamation mark at the end of a sentence, not inside "1.5" or "e.g.x".
    [GeneratedRegex(@"[.!?]+(?=[\s""'’”)]|$)")]
    private static partial Regex SentenceEnd();
}
