using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Staff;

/// <summary>One line of a comparison: added, removed or the same, with its text.</summary>
public sealed record DiffLine(string Kind, string Text)
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Same = "same";

    /// <summary>A sign in front of the line, so the change is clear without colour: + added, - removed.</summary>
    public string Sign => Kind switch { Added => "+", Removed => "-", _ => " " };
}

/// <summary>Line-by-line comparison of two versions of an article's Markdown (DiffPlex).</summary>
public static class TextDiff
{
    /// <summary>Far more than an article has; past it a comparison costs more than it tells.</summary>
    public const int MaxLines = 5_000;

    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        before = before.Replace("\r\n", "\n", StringComparison.Ordinal);
        after = after.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (before.Count(c => c == '\n') > MaxLines || after.Count(c => c == '\n') > MaxLines)
        {
            return [new DiffLine(DiffLine.Same, $"(One of the versions has more than {MaxLines:N0} lines, too many to compare line by line.)")];
        }

        return
        [
            .. InlineDiffBuilder.Diff(before, after).Lines.Select(line => new DiffLine(
                line.Type switch { ChangeType.Inserted => DiffLine.Added, ChangeType.Deleted => DiffLine.Removed, _ => DiffLine.Same },
                line.Text ?? string.Empty)),
        ];
    }
}

/// <summary>A run of words in a paragraph: added, removed or the same.</summary>
public sealed record DiffWords(string Kind, string Text);

/// <summary>A front matter field whose value changed: what a reader sees of it before and after.</summary>
public sealed record FieldChange(string Field, string Name, string? Before, string? After);

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
    public static IReadOnlyList<FieldChange> Fields(string? before, string after)
    {
        var old = before is null ? null : ArticleDraft.FromMarkdown(before);
        var now = ArticleDraft.FromMarkdown(after);
        (string Field, string Name, Func<ArticleDraft, string?> Value)[] fields =
        [
            ("title", "Title", d => d.Title),
            ("summary", "Summary", d => d.Summary),
            ("category", "Category", d => ArticleCategory.FromKey(d.Category)?.Name ?? d.Category),
            ("order", "Order", d => d.Order?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("author", "Written by", d => d.Author),
            ("references", "References", d => string.Join("; ", d.References)),
        ];
        return [.. fields.Select(f => new FieldChange(f.Field, f.Name, old is null ? null : f.Value(old), now is null ? null : f.Value(now)))
            .Where(f => f.Before != f.After)];
    }
}
