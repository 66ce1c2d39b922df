using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Staff;

/// <summary>
/// An article as the staff form holds it: the front matter fields and the body. It becomes the Markdown
/// file (<see cref="ToMarkdown"/>) and is read back from one (<see cref="FromMarkdown"/>).
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
    public static ArticleDraft Empty(DateOnly today) =>
        new(string.Empty, string.Empty, ArticleCategory.All[0].Key, null, [], null, null, string.Empty, today, today.AddYears(1), true);

    /// <summary>The whole file, front matter first, every value quoted so no text can break the YAML.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder("---\n");
        text.Append("title: ").Append(Quote(Title)).Append('\n');
        text.Append("summary: ").Append(Quote(Summary)).Append('\n');
        text.Append("category: ").Append(Category).Append('\n');
        if (Order is { } order)
        {
            text.Append("order: ").Append(order.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append("last_reviewed: ").Append(LastReviewed.ToString(FrontMatterReader.DateFormat, CultureInfo.InvariantCulture)).Append('\n');
        text.Append("next_review: ").Append(NextReview.ToString(FrontMatterReader.DateFormat, CultureInfo.InvariantCulture)).Append('\n');
        if (!string.IsNullOrWhiteSpace(Author))
        {
            text.Append("author: ").Append(Quote(Author)).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(Reviewer))
        {
            text.Append("reviewer: ").Append(Quote(Reviewer)).Append('\n');
        }

        if (!References.IsEmpty)
        {
            text.Append("references:\n");
            foreach (var reference in References)
            {
                text.Append("  - ").Append(Quote(reference)).Append('\n');
            }
        }

        text.Append("draft: ").Append(Draft ? "true" : "false").Append('\n');
        text.Append("---\n\n");
        text.Append(Body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()).Append('\n');
        return text.ToString();
    }

    /// <summary>The fields of a file, or null when its front matter cannot be read (the form then starts from its text as the body).</summary>
    public static ArticleDraft? FromMarkdown(string text)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalised.StartsWith("---\n", StringComparison.Ordinal))
        {
            return null;
        }

        var end = normalised.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var yaml = normalised[4..(end + 1)];
        var afterFence = normalised.IndexOf('\n', end + 1);
        var body = afterFence < 0 ? string.Empty : normalised[(afterFence + 1)..];
        var read = FrontMatterReader.Read(yaml, "draft", firstLine: 2, headerLine: 1);
        if (read.FrontMatter is not { } meta)
        {
            return null;
        }

        return new ArticleDraft(meta.Title, meta.Summary, meta.Category.Key, meta.Order, meta.References, meta.Author, meta.Reviewer,
            body.Trim(), meta.LastReviewed, meta.NextReview, meta.Draft);
    }

    /// <summary>A short fingerprint of a file's text: what a draft was based on, to notice a change made since.</summary>
    public static string Fingerprint(string? text) =>
        text is null ? string.Empty : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal))).AsSpan(0, 12)).ToLowerInvariant();

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

    private static string Quote(string value) =>
        "\"" + value.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Trim() + "\"";
}
