using System.Net;
using System.Text;
using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Search;

/// <summary>One search result: the article, its score, and a short HTML snippet with the matches marked.</summary>
public sealed record SearchHit(Article Article, int Score, string SnippetHtml);

/// <summary>
/// An index of one content snapshot, built once when the snapshot is first searched. A match in a title
/// counts most, then the summary and headings, then the body.
/// </summary>
public sealed class SearchIndex
{
    public const int TitleWeight = 10;
    public const int SummaryWeight = 4;
    public const int HeadingWeight = 4;
    public const int BodyWeight = 1;
    private const int SnippetLength = 180;

    private readonly IReadOnlyList<IndexedArticle> _articles;

    /// <param name="previous">The index of the snapshot before, whose entries for unchanged articles are kept.</param>
    public SearchIndex(ContentSnapshot snapshot, SearchIndex? previous = null)
    {
        Snapshot = snapshot;
        // A reload keeps the same Article for every file that did not change, so only edited files are indexed again.
        var kept = previous?._articles.ToDictionary(a => (object)a.Article, ReferenceEqualityComparer.Instance);
        // One copy of each word, however many articles use it: thousands of articles share most of their words.
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        _articles = [.. snapshot.Articles.Select(article => kept?.GetValueOrDefault(article) ?? IndexedArticle.Of(article, words))];
    }

    public ContentSnapshot Snapshot { get; }

    public IReadOnlyList<SearchHit> Search(string query)
    {
        var terms = SearchText.Terms(query).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        return
        [
            .. _articles
                .Select(a => (Indexed: a, Score: a.Score(terms)))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score)
                .ThenBy(x => x.Indexed.Article.Title, StringComparer.OrdinalIgnoreCase)
                .Select(x => new SearchHit(x.Indexed.Article, x.Score, x.Indexed.Snippet(terms))),
        ];
    }

    /// <summary>An article's terms, sorted, with their weights beside them: compact, and searched by halving.</summary>
    private sealed record IndexedArticle(
        Article Article,
        string[] Terms,
        int[] Weights,
        IReadOnlyList<string> Paragraphs)
    {
        public static IndexedArticle Of(Article article, Dictionary<string, string> words)
        {
            var weights = new Dictionary<string, int>(StringComparer.Ordinal);
            void Add(string text, int weight)
            {
                foreach (var term in SearchText.Terms(text))
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

            var terms = weights.Keys.Select(term => words.TryAdd(term, term) ? term : words[term]).Order(StringComparer.Ordinal).ToArray();
            return new IndexedArticle(article, terms, [.. terms.Select(term => weights[term])], [article.Summary, .. article.Body.ProseParagraphs]);
        }

        /// <summary>Every query word must appear somewhere; the score adds up where.</summary>
        public int Score(IReadOnlyList<string> terms)
        {
            var score = 0;
            foreach (var term in terms)
            {
                var at = Array.BinarySearch(Terms, term, StringComparer.Ordinal);
                if (at < 0)
                {
                    return 0;
                }

                score += Weights[at];
            }

            return score;
        }

        public string Snippet(IReadOnlyList<string> terms)
        {
            foreach (var paragraph in Paragraphs.Skip(1).Append(Paragraphs[0]))
            {
                var words = SearchText.WordsWithTerms(paragraph).ToList();
                var first = words.FindIndex(w => terms.Contains(w.Term));
                if (first >= 0)
                {
                    return Mark(paragraph, words, words[first].Index, terms);
                }
            }

            return WebUtility.HtmlEncode(Paragraphs[0]);
        }

        private static string Mark(string text, List<(int Index, int Length, string Term)> words, int around, IReadOnlyList<string> terms)
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
