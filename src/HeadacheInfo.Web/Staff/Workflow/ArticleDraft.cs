using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// An article as the staff form holds it: the front matter fields and the body. It becomes the Markdown file
/// by changing only what changed in the file it was based on (<see cref="ApplyTo"/>), or whole for a new one
/// (<see cref="ToMarkdown"/>), and is read back from one (<see cref="FromMarkdown"/>) by the site's own reader.
/// </summary>
public sealed record ArticleDraft(
    string Title,
    string Summary,
    string Category,
    int? Order,
    ImmutableArray<string> References,
    string? Author,
    string? Reviewer,
    string Body,
    DateOnly LastReviewed,
    DateOnly NextReview,
    bool Draft)
{
    public const int MaxTitle = 200;
    public const int MaxSummary = 400;
    public const int MaxAuthor = 200;
    public const int MaxReference = 500;
    public const int MaxReferences = 50;
    public const int MaxOrder = 10_000;

    /// <summary>Room an approval needs in the file for the reviewer, the dates, the fingerprint and the change notes it writes.</summary>
    private const int ApprovalRoom = 32 * 1024;

    /// <summary>The most a saved file may hold: what an approval can still write within <see cref="ArticleFiles.MaxFileBytes"/>.</summary>
    public const int MaxSavedBytes = ArticleFiles.MaxFileBytes - ApprovalRoom;

    public static ArticleDraft Empty(DateOnly today) =>
        new(string.Empty, string.Empty, ArticleCategory.Shipped[0].Key, null, [], null, null, string.Empty, today, today.AddYears(1), true);

    /// <summary>
    /// Every reason the fields cannot become an article file: a category that is not one of the five, a line
    /// break in a one-line field, a value too long. Values are quoted when written whatever they hold; these
    /// rules are so that what a reviewer reads is what the author meant.
    /// </summary>
    /// <param name="categories">The site's categories now: a category must be one of them.</param>
    public IReadOnlyList<string> Problems(ArticleCategories categories)
    {
        var problems = new List<string>();
        if (categories.Find(Category) is null)
        {
            problems.Add($"Choose a category from the list ({string.Join(", ", categories.All.Select(c => c.Name))}).");
        }

        OneLine("The title", Title, MaxTitle);
        OneLine("The summary", Summary, MaxSummary);
        OneLine("Written by", Author, MaxAuthor);
        if (References.Length > MaxReferences)
        {
            problems.Add($"Keep to {MaxReferences} references or fewer.");
        }

        foreach (var reference in References)
        {
            OneLine("Each reference", reference, MaxReference);
        }

        if (Order is < -MaxOrder or > MaxOrder)
        {
            problems.Add($"The order must be a whole number from -{MaxOrder} to {MaxOrder}.");
        }

        // The limit is the one an approval meets: the whole file, with room for the sign-off it adds, within
        // the site's 1 MB. Refused here, at save, rather than sent for a review that could never approve it.
        if (Encoding.UTF8.GetByteCount(Body) + Encoding.UTF8.GetByteCount((this with { Body = string.Empty }).ToMarkdown()) > MaxSavedBytes)
        {
            problems.Add($"The article is too large: with its fields it must be under {MaxSavedBytes / 1024} KB, so that it stays within the site's 1 MB limit for an article once a reviewer signs it off. Shorten it; an article should be far smaller.");
        }

        return problems;

        void OneLine(string name, string? value, int max)
        {
            if (OneLineProblem(name, value, max) is { } problem)
            {
                problems.Add(problem);
            }
        }
    }

    /// <summary>
    /// Why a one-line field will not do: a line break in it, a control character (tab, form feed, ESC...) or a
    /// bidirectional override, or too long; null when it is fine or empty. Control characters reach mail
    /// subjects and logs; an override makes a reviewer read other words than the ones saved.
    /// </summary>
    public static string? OneLineProblem(string name, string? value, int max) =>
        value is null ? null
        // YAML breaks lines at NEL and the Unicode line and paragraph separators too.
        : value.IndexOfAny(['\r', '\n', '\u0085', '\u2028', '\u2029']) >= 0 ? $"{name} must be on one line."
        : PlainLine.FirstHidden(value) is { } hidden ? PlainLine.Problem(name, hidden)
        : value.Length > max ? $"{name} must be {max} characters or fewer (it is {value.Length})."
        : null;

    /// <summary>The whole file, front matter first, every text value quoted by a YAML emitter so no text can break the YAML.</summary>
    public string ToMarkdown() => ArticleFile.Compose(Fields(), NormalisedBody);

    /// <summary>
    /// The file this draft makes from <paramref name="baseText"/>, the file it was based on: only the fields that
    /// changed are rewritten, in place, and the body only if it changed; every other byte stays as the author
    /// wrote it. Without a base that can be read, the whole file is written anew.
    /// </summary>
    public string ApplyTo(string? baseText)
    {
        if (baseText is null || FromMarkdown(baseText) is not { } before || ArticleFile.Read(baseText) is not { } baseFile)
        {
            return ToMarkdown();
        }

        var beforeFields = before.Fields().ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var changed = Fields().Where(f => !beforeFields.TryGetValue(f.Key, out var old) || old != f.Value).ToList();
        // A field the form left empty that the file had is written empty rather than left claiming its old value.
        changed.AddRange(beforeFields.Keys.Except(Fields().Select(f => f.Key), StringComparer.Ordinal)
            .Where(key => key is ArticleFields.Order or ArticleFields.Author or ArticleFields.References)
            .Select(key => (key, key == ArticleFields.References ? "[]" : "\"\"")));
        var text = changed.Count == 0 ? baseText : FrontMatterEditor.Set(baseText, changed) ?? ToMarkdown();
        if (before.NormalisedBody == NormalisedBody)
        {
            return text;
        }

        // The new body goes between the same blank lines the author had around the old one.
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split('\n');
        var close = ArticleFile.Read(text)?.CloseLine ?? baseFile.CloseLine;
        var header = string.Join('\n', lines.Take(close + 1));
        var oldBody = text.Length > header.Length ? text[header.Length..] : newline;
        var leading = oldBody[..(oldBody.Length - oldBody.TrimStart().Length)];
        var trailing = oldBody.TrimStart().Length == 0 ? newline : oldBody[oldBody.TrimEnd().Length..];
        return header + (leading.Length > 0 ? leading : newline + newline) + NormalisedBody.Replace("\n", newline, StringComparison.Ordinal) + trailing;
    }

    // A lone CR is a line break to Markdig but not to the front matter editor: one kind of line end only.
    private string NormalisedBody => Body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    /// <summary>The front matter as written: keys in the usual order, each value as YAML.</summary>
    private IEnumerable<(string Key, string Value)> Fields()
    {
        yield return (ArticleFields.Title, FrontMatterEditor.Quote(Title.Trim()));
        yield return (ArticleFields.Summary, FrontMatterEditor.Quote(Summary.Trim()));
        yield return (ArticleFields.Category, FrontMatterEditor.Quote(Category.Trim()));
        if (Order is { } order)
        {
            yield return (ArticleFields.Order, order.ToString(CultureInfo.InvariantCulture));
        }

        yield return (ArticleFields.LastReviewed, LastReviewed.ToString(FrontMatterReader.DateFormat, CultureInfo.InvariantCulture));
        yield return (ArticleFields.NextReview, NextReview.ToString(FrontMatterReader.DateFormat, CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(Author))
        {
            yield return (ArticleFields.Author, FrontMatterEditor.Quote(Author.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(Reviewer))
        {
            yield return (ArticleFields.Reviewer, FrontMatterEditor.Quote(Reviewer.Trim()));
        }

        if (!References.IsEmpty)
        {
            yield return (ArticleFields.References, string.Concat(References.Select(r => "\n  - " + FrontMatterEditor.Quote(r.Trim()))));
        }

        yield return (ArticleFields.Draft, Draft ? "true" : "false");
    }

    /// <summary>
    /// The fields of a file, read by the site's own front matter reader, or null when its front matter cannot
    /// be read (the form then starts from its text as the body).
    /// </summary>
    public static ArticleDraft? FromMarkdown(string text)
    {
        if (ArticleFile.Read(text) is not { } file)
        {
            return null;
        }

        var body = file.Body;
        var read = FrontMatterReader.Read(file.FrontMatter, "draft", firstLine: ArticleFile.FrontMatterFirstLine, headerLine: ArticleFile.OpenLine + 1);
        if (read.FrontMatter is not { } meta)
        {
            return null;
        }

        return new ArticleDraft(meta.Title, meta.Summary, meta.Category.Key, meta.Order, meta.References, meta.Author, meta.Reviewer,
            body.Trim(), meta.LastReviewed, meta.NextReview, meta.Draft);
    }

    /// <summary>A slug made from a title: lowercase letters and digits joined by single hyphens.</summary>
    public static string SlugFrom(string title)
    {
        var words = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                words.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                words.Append(' ');
            }
        }

        var slug = string.Join('-', words.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > Slug.MaxLength ? slug[..Slug.MaxLength].TrimEnd('-') : slug;
    }
}
