using System.Collections.Immutable;
using System.Text.Json;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// The site's article categories, in the order the site lists them: kept with the site settings
/// (<c>site-settings.json</c>, written only through the publish log) and read with each snapshot, the shipped
/// five until an admin changes them. The one set of rules for a list, whether an admin typed it or a file holds it.
/// </summary>
public sealed class ArticleCategories : IEquatable<ArticleCategories>
{
    public const int MaxCount = 30;
    public const int MaxKey = 40;
    public const int MaxName = 60;
    public const int MaxDescription = 200;

    private ArticleCategories(ImmutableArray<ArticleCategory> all) => All = all;

    public static ArticleCategories Shipped { get; } = new(ArticleCategory.Shipped);

    public ImmutableArray<ArticleCategory> All { get; }

    public ArticleCategory? Find(string? key) =>
        All.FirstOrDefault(category => string.Equals(category.Key, key, StringComparison.Ordinal));

    /// <summary>Where the category stands in the site's order; one the list does not hold goes last.</summary>
    public int PositionOf(ArticleCategory category)
    {
        for (var i = 0; i < All.Length; i++)
        {
            if (string.Equals(All[i].Key, category.Key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>Why an article's <c>category:</c> will not do, in the words the checker and the site's log use.</summary>
    public string Unknown(string key) =>
        $"unknown category '{key}'; use one of {string.Join(", ", All.Select(c => c.Key))} (the categories on the site settings page)";

    /// <summary>
    /// The parsed article with its category as the list holds it now (its current name and description), or the
    /// file refused when the list does not hold the category it names. An article already holding the category as
    /// listed is returned as it is, so an unchanged file stays the same instance from one load to the next; the text
    /// is not parsed again for a renamed category.
    /// </summary>
    public ArticleParseResult Bind(ArticleParseResult result)
    {
        if (result.Article is not { } article)
        {
            return result;
        }

        var named = article.FrontMatter.Category;
        return Find(named.Key) is { } category
            ? category == named ? result : result with { Article = article with { FrontMatter = article.FrontMatter with { Category = category } } }
            : new ArticleParseResult(null, [.. result.Problems, new ContentProblem(article.File, article.FrontMatter.CategoryLine, Unknown(named.Key))]);
    }

    /// <summary>The list these make, or every reason it will not do, each a sentence naming the category.</summary>
    /// <param name="labels">What each category is called in a problem (as the page shows it); by default "Category 1", "Category 2"...</param>
    public static (ArticleCategories? Categories, IReadOnlyList<string> Problems) Check(IReadOnlyList<ArticleCategory?> categories, IReadOnlyList<string>? labels = null)
    {
        var problems = new List<string>();
        if (categories.Count == 0)
        {
            problems.Add("Keep at least one category: every article needs one.");
        }
        else if (categories.Count > MaxCount)
        {
            problems.Add($"There are {categories.Count} categories; keep to {MaxCount} or fewer, so the home page stays readable.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var kept = new List<ArticleCategory>();
        for (var i = 0; i < categories.Count; i++)
        {
            var category = categories[i];
            var key = category?.Key?.Trim() ?? string.Empty;
            var label = (labels is not null && i < labels.Count ? labels[i] : $"Category {i + 1}") + (key.Length is > 0 and <= MaxKey && PlainLine.FirstHidden(key) is null ? $" ({key})" : string.Empty);
            if (key.Length == 0)
            {
                problems.Add($"{label}: enter its id, the word articles name it by, such as \"exercises\".");
            }
            else if (key.Length > MaxKey || !Slug.IsValid(key))
            {
                problems.Add($"{label}: the id must be {MaxKey} or fewer lowercase letters a to z, numbers and single hyphens, such as \"exercises\" or \"work-and-posture\".");
            }
            else if (!keys.Add(key))
            {
                problems.Add($"{label}: the id \"{key}\" is already used by another category; give each category its own id.");
            }

            var name = OneLine(label, "name", category?.Name, MaxName, problems);
            if (name is not null && !names.Add(name))
            {
                problems.Add($"{label}: the name \"{name}\" is already used by another category; give each category its own name.");
            }

            var description = OneLine(label, "description", category?.Description, MaxDescription, problems);
            kept.Add(new ArticleCategory(key, name ?? string.Empty, description ?? string.Empty));
        }

        return problems.Count > 0 ? (null, problems) : (new ArticleCategories([.. kept]), []);
    }

    /// <summary>
    /// The list a content folder's settings file holds: the shipped five when there is no file or it names none.
    /// A list that will not do is a problem of that file, and <paramref name="fallback"/> (the last good list) stands.
    /// </summary>
    public static ArticleCategories Read(string contentRoot, List<ContentProblem> problems, ArticleCategories? fallback = null)
    {
        const string file = Staff.SiteSettings.SiteSettings.FileName;
        var path = Path.Combine(contentRoot, file);
        if (!File.Exists(path))
        {
            return Shipped;
        }

        var text = ArticleFiles.ReadText(path, file, problems);
        if (text is null)
        {
            return fallback ?? Shipped;
        }

        IReadOnlyList<ArticleCategory?>? listed;
        try
        {
            using var document = JsonDocument.Parse(text);
            listed = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(nameof(Staff.SiteSettings.SiteSettings.Categories), out var element)
                && element.ValueKind != JsonValueKind.Null
                ? element.Deserialize<List<ArticleCategory?>>()
                : null;
        }
        catch (JsonException ex)
        {
            problems.Add(new(file, null, $"the categories could not be read ({ex.Message}); the site keeps the last good list"));
            return fallback ?? Shipped;
        }

        if (listed is null)
        {
            return Shipped;
        }

        var (categories, found) = Check(listed);
        problems.AddRange(found.Select(reason => new ContentProblem(file, null, reason + " The site keeps the last good list.")));
        return categories ?? fallback ?? Shipped;
    }

    public bool Equals(ArticleCategories? other) => other is not null && All.SequenceEqual(other.All);

    public override bool Equals(object? obj) => Equals(obj as ArticleCategories);

    public override int GetHashCode() => All.Aggregate(0, (hash, category) => HashCode.Combine(hash, category));

    private static string? OneLine(string label, string what, string? value, int max, List<string> problems)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problems.Add($"{label}: enter its {what}.");
            return null;
        }

        if (text.Length > max)
        {
            problems.Add($"{label}: the {what} is {text.Length:N0} characters long; keep it to {max} or fewer.");
            return null;
        }

        if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
        {
            problems.Add($"{label}: the {what} must be one line; take out the line breaks.");
            return null;
        }

        if (PlainLine.FirstHidden(text) is { } hidden)
        {
            problems.Add(PlainLine.Problem($"{label}: the {what}", hidden));
            return null;
        }

        return text;
    }
}
