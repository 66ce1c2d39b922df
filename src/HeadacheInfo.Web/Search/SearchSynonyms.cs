using System.Collections.Immutable;
using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Search;

/// <summary>
/// Words that mean the same to a reader, from <c>content/synonyms.txt</c>, which staff edit: one group a line,
/// words separated by commas ("accident, crash"); lines starting with # are notes. A search for one word of a
/// group finds articles that use any of them.
/// </summary>
public static class SearchSynonyms
{
    public const string FileName = "synonyms.txt";
    public const int MaxGroups = 500;

    /// <summary>The groups as search terms (stemmed), with a problem for each line that cannot be used.</summary>
    public static ImmutableArray<ImmutableArray<string>> Read(string text, List<ContentProblem> problems)
    {
        var groups = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var words = line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var terms = words.Select(word => SearchText.Terms(word).ToList()).ToList();
            if (words.Length < 2 || terms.Any(t => t.Count != 1))
            {
                problems.Add(new(FileName, i + 1, "write one group of words a line, each a single word, separated by commas, such as 'accident, crash'"));
                continue;
            }

            if (groups.Count == MaxGroups)
            {
                problems.Add(new(FileName, i + 1, $"there are more than {MaxGroups} groups; the rest are not used"));
                break;
            }

            groups.Add([.. terms.Select(t => t[0]).Distinct(StringComparer.Ordinal)]);
        }

        return groups.ToImmutable();
    }
}
