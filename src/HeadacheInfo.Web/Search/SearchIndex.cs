using System.Collections.Concurrent;
using System.Net;
using System.Text;
using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Search;

/// <summary>
/// An index of one content snapshot, built once with it. A match in a title counts most, then the summary and
/// headings, then the body. A query word also finds the words staff listed as meaning the same, words it
/// begins (4 letters or more: "physio"), and words one letter away (5 letters or more: "migrane"); those
/// count half, so an exact match, and a title match above all, still comes first.
/// </summary>
public sealed class SearchIndex
{
    public const int TitleWeight = 10;
    public const int SummaryWeight = 4;
    public const int HeadingWeight = 4;
    public const int BodyWeight = 1;
    private const int SnippetLength = 180;

    /// <summary>How far into a paragraph a snippet looks for a matched word: far more than any real paragraph.</summary>
    internal const int SnippetScanLength = 20_000;
    private const int MinPrefixLength = 4;
    private const int MinFuzzyLength = 5;

    private readonly IReadOnlyList<IndexedArticle> _articles;

    /// <summary>Every term of every article, sorted: where a query word's near matches are looked for, once per query.</summary>
    private readonly string[] _vocabulary;

    private readonly ILookup<string, string> _synonyms;

    /// <param name="previous">The index of the snapshot before, whose entries for unchanged articles are kept.</param>
    public SearchIndex(ContentSnapshot snapshot, SearchIndex? previous = null)
    {
        Snapshot = snapshot;
        // A reload keeps the same Article for every file that did not change, so only edited files are indexed again.
        var kept = previous?._articles.ToDictionary(a => (object)a.Article, ReferenceEqualityComparer.Instance);
        // Each word written is folded and stemmed once, and its term kept as one copy, however many articles use
        // it: thousands of articles share most of their words. Articles are indexed side by side, in site order.
        var terms = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        _articles = [.. snapshot.Articles.AsParallel().AsOrdered()
            .Select(article => kept?.GetValueOrDefault(article) ?? IndexedArticle.Of(article, word => terms.GetOrAdd(word, SearchText.Term)))];
        _vocabulary = [.. _articles.SelectMany(a => a.Terms).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _synonyms = snapshot.Synonyms.SelectMany(group => group.SelectMany(term => group.Select(other => (term, other))))
            .ToLookup(pair => pair.term, pair => pair.other, StringComparer.Ordinal);
    }

    public ContentSnapshot Snapshot { get; }

    public IReadOnlyList<SearchHit> Search(string query) => Search(query, page: 1, pageSize: int.MaxValue).Hits;

    /// <summary>One page of results, best first; snippets are made for that page only.</summary>
    /// <param name="page">From 1; a page past the last gives the last.</param>
    public SearchResults Search(string query, int page, int pageSize)
    {
        var words = SearchText.Words(query).Where(w => SearchText.Fold(w).Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (words.Count == 0)
        {
            return new SearchResults([], 0, 1, 1);
        }

        var matches = words.Select(Expand).ToList();
        var marked = matches.SelectMany(m => m.Keys).ToHashSet(StringComparer.Ordinal);
        var found = _articles
            .Select(a => (Indexed: a, Score: a.Score(matches)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Indexed.Article.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var pages = Math.Max(1, (int)Math.Ceiling(found.Count / (double)pageSize));
        var shown = Math.Clamp(page, 1, pages);
        return new SearchResults(
            [.. found.Skip((int)Math.Min(int.MaxValue, (long)(shown - 1) * pageSize)).Take(pageSize)
                .Select(x => new SearchHit(x.Indexed.Article, x.Score, x.Indexed.Snippet(marked)))],
            found.Count, shown, pages);
    }

    /// <summary>The terms one query word finds, each with how much a match counts: 2 exact or a synonym, 1 near.</summary>
    private Dictionary<string, int> Expand(string word)
    {
        var folded = SearchText.Fold(word);
        var term = PorterStemmer.Stem(folded);
        var found = new Dictionary<string, int>(StringComparer.Ordinal) { [term] = 2 };
        foreach (var synonym in _synonyms[term])
        {
            found[synonym] = 2;
        }

        if (folded.Length >= MinPrefixLength)
        {
            // The vocabulary is sorted: the words that begin with the query word sit together.
            var at = Array.BinarySearch(_vocabulary, folded, StringComparer.Ordinal);
            for (var i = at < 0 ? ~at : at; i < _vocabulary.Length && _vocabulary[i].StartsWith(folded, StringComparison.Ordinal); i++)
            {
                found.TryAdd(_vocabulary[i], 1);
            }
        }

        // A word the site uses is meant as written: "crash" must not find "rash". Only a word the site never uses is a slip.
        if (folded.Length >= MinFuzzyLength && Array.BinarySearch(_vocabulary, term, StringComparer.Ordinal) < 0)
        {
            foreach (var candidate in _vocabulary)
            {
                if (Math.Abs(candidate.Length - term.Length) <= 1 && OneEditApart(candidate, term))
                {
                    found.TryAdd(candidate, 1);
                }
            }
        }

        return found;
    }

    /// <summary>One letter added, left out, changed, or two side by side swapped.</summary>
    private static bool OneEditApart(string a, string b)
    {
        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        var start = 0;
        while (start < a.Length && a[start] == b[start])
        {
            start++;
        }

        if (start == a.Length)
        {
            return b.Length - a.Length == 1;
        }

        if (a.Length == b.Length)
        {
            return a.AsSpan(start + 1).SequenceEqual(b.AsSpan(start + 1)) ||
                (start + 1 < a.Length && a[start] == b[start + 1] && a[start + 1] == b[start] && a.AsSpan(start + 2).SequenceEqual(b.AsSpan(start + 2)));
        }

        return a.AsSpan(start).SequenceEqual(b.AsSpan(start + 1));
    }

    /// <summary>An article's terms, sorted, with their weights beside them: compact, and searched by halving.</summary>
    private sealed record IndexedArticle(
        Article Article,
        string[] Terms,
        int[] Weights,
        IReadOnlyList<string> Paragraphs)
    {
        public static IndexedArticle Of(Article article, Func<string, string> termOf)
        {
            var weights = new Dictionary<string, int>(StringComparer.Ordinal);
            void Add(string text, int weight)
            {
                foreach (var term in SearchText.Words(text).Select(termOf))
                {
                    weights[term] = weights.GetValueOrDefault(term) + weight;
                }
            }

            Add(article.Title, TitleWeight);
            Add(article.Summary, SummaryWeight);
            foreach (var heading in article.Headings)
            {
                Add(heading.Text, HeadingWeight);
            }

            foreach (var paragraph in article.Body.ProseParagraphs)
            {
                Add(paragraph, BodyWeight);
            }

            var terms = weights.Keys.Order(StringComparer.Ordinal).ToArray();
            return new IndexedArticle(article, terms, [.. terms.Select(term => weights[term])], [article.Summary, .. article.Body.ProseParagraphs]);
        }

        /// <summary>Every query word must be found somewhere, as itself or a match; the score adds up where, and how close.</summary>
        public int Score(IReadOnlyList<Dictionary<string, int>> words)
        {
            var score = 0;
            foreach (var matches in words)
            {
                var best = 0;
                foreach (var (term, closeness) in matches)
                {
                    var at = Array.BinarySearch(Terms, term, StringComparer.Ordinal);
                    if (at >= 0)
                    {
                        best = Math.Max(best, Weights[at] * closeness);
                    }
                }

                if (best == 0)
                {
                    return 0;
                }

                score += best;
            }

            return score;
        }

        public string Snippet(HashSet<string> terms)
        {
            foreach (var paragraph in Paragraphs.Skip(1).Append(Paragraphs[0]))
            {
                // Only the start of a paragraph is read for its snippet: every word read is stemmed, and a search
                // that matched one very long paragraph would otherwise cost a second of CPU for each result shown.
                var words = SearchText.WordsWithTerms(paragraph.Length > SnippetScanLength ? paragraph[..SnippetScanLength] : paragraph).ToList();
                var first = words.FindIndex(w => terms.Contains(w.Term));
                if (first >= 0)
                {
                    return Mark(paragraph, words, words[first].Index, terms);
                }
            }

            return WebUtility.HtmlEncode(Paragraphs[0]);
        }

        private static string Mark(string text, List<(int Index, int Length, string Term)> words, int around, HashSet<string> terms)
        {
            var start = Math.Max(0, around - (SnippetLength / 3));
            var end = Math.Min(text.Length, start + SnippetLength);
            // Start and end on word boundaries.
            start = words.Select(w => w.Index).Where(i => i <= start).DefaultIfEmpty(0).Max();
            var html = new StringBuilder(start > 0 ? "… " : string.Empty);
            var position = start;
            foreach (var (index, length, term) in words.Where(w => w.Index >= start && w.Index + w.Length <= end))
            {
                html.Append(WebUtility.HtmlEncode(text[position..index]));
                var word = WebUtility.HtmlEncode(text.Substring(index, length));
                html.Append(terms.Contains(term) ? $"<mark>{word}</mark>" : word);
                position = index + length;
            }

            var last = words.Where(w => w.Index + w.Length <= end).Select(w => w.Index + w.Length).DefaultIfEmpty(position).Max();
            html.Append(WebUtility.HtmlEncode(text[position..Math.Max(position, last)]));
            if (last < text.Length)
            {
                html.Append(" …");
            }

            return html.ToString();
        }
    }
}
