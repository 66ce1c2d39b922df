using System.Collections.Frozen;
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

    public SearchIndex(ContentSnapshot snapshot)
    {
        Snapshot = snapshot;
        _articles = [.. snapshot.Articles.Select(IndexedArticle.Of)];
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

    private sealed record IndexedArticle(
        Article Article,
        FrozenDictionary<string, int> Weights,
        IReadOnlyList<string> Paragraphs)
    {
        public static IndexedArticle Of(Article article)
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

            return new IndexedArticle(article, weights.ToFrozenDictionary(StringComparer.Ordinal), [article.Summary, .. article.Body.ProseParagraphs]);
        }

        /// <summary>Every query word must appear somewhere; the score adds up where.</summary>
        public int Score(IReadOnlyList<string> terms)
        {
            var score = 0;
            foreach (var term in terms)
            {
                if (!Weights.TryGetValue(term, out var weight))
                {
                    return 0;
                }

                score += weight;
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
