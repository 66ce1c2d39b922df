using DiffPlex;
using DiffPlex.Chunkers;
using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// What changed in the words a clinician reads: the article as prose, paragraph by paragraph, with the words
/// added and removed marked; and the front matter fields that changed, by name.
/// </summary>
public static class ProseDiff
{
    private const string ParagraphBreak = "\u2029";

    /// <summary>Three times the longest article the checker lets by without a warning.</summary>
    public const int MaxWords = 5_000;

    /// <summary>The paragraphs of the new text, with the words added and removed since the old one marked.</summary>
    public static IReadOnlyList<IReadOnlyList<DiffWords>> Paragraphs(Article? before, Article? after)
    {
        static string Prose(Article? article) =>
            article is null ? string.Empty : string.Join(" " + ParagraphBreak + " ", article.Body.Passages.Select(p => p.Text));

        var (old, now) = (Prose(before), Prose(after));
        if (old.Count(c => c == ' ') > MaxWords * 2 || now.Count(c => c == ' ') > MaxWords * 2)
        {
            return [[new DiffWords(DiffLine.Same, $"(The article is longer than {MaxWords:N0} words, too long to compare word by word: read the preview below.)")]];
        }

        var result = Differ.Instance.CreateDiffs(old, now, ignoreWhiteSpace: false, ignoreCase: false,
            new DelimiterChunker([' ']));
        var paragraphs = new List<IReadOnlyList<DiffWords>>();
        var current = new List<DiffWords>();
        void Add(string kind, IEnumerable<string> words)
        {
            foreach (var word in words)
            {
                // Trim(' ') and not Trim(): .NET counts the paragraph separator itself as white space.
                if (word.Trim(' ') == ParagraphBreak)
                {
                    if (current.Count > 0)
                    {
                        paragraphs.Add(current);
                    }

                    current = [];
                }
                else if (current.Count > 0 && current[^1].Kind == kind)
                {
                    current[^1] = current[^1] with { Text = current[^1].Text + word };
                }
                else
                {
                    current.Add(new DiffWords(kind, word));
                }
            }
        }

        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(DiffLine.Same, result.PiecesOld.Skip(a).Take(block.DeleteStartA - a));
            Add(DiffLine.Removed, result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(DiffLine.Added, result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }

        Add(DiffLine.Same, result.PiecesOld.Skip(a));
        if (current.Count > 0)
        {
            paragraphs.Add(current);
        }

        return paragraphs;
    }

    /// <summary>The fields an author writes that differ between the two texts (the review fields are the reviewer's).</summary>
    /// <param name="categories">The site's categories, for a category's name rather than its id.</param>
    public static IReadOnlyList<FieldChange> Fields(string? before, string after, ArticleCategories categories)
    {
        var old = before is null ? null : ArticleDraft.FromMarkdown(before);
        var now = ArticleDraft.FromMarkdown(after);
        (string Field, string Name, Func<ArticleDraft, string?> Value)[] fields =
        [
            (ArticleFields.Title, "Title", d => d.Title),
            (ArticleFields.Summary, "Summary", d => d.Summary),
            (ArticleFields.Category, "Category", d => categories.Find(d.Category)?.Name ?? d.Category),
            (ArticleFields.Order, "Order", d => d.Order?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (ArticleFields.Author, "Written by", d => d.Author),
            (ArticleFields.References, "References", d => string.Join("; ", d.References)),
        ];
        return [.. fields.Select(f => new FieldChange(f.Field, f.Name, old is null ? null : f.Value(old), now is null ? null : f.Value(now)))
            .Where(f => f.Before != f.After)];
    }
}
