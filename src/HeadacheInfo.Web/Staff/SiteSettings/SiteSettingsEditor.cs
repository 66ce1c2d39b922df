using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Publishing;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.SiteSettings;

/// <summary>One category's row as the page posted it; <see cref="Order"/> is text so a mistyped number is shown back as typed.</summary>
public sealed record CategoryInput(string? Id, string? Name, string? Description, string? Order, bool Remove = false)
{
    /// <summary>The "add a category" row left as it was.</summary>
    public bool Empty => string.IsNullOrWhiteSpace(Id) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Description);
}

/// <summary>What a save said: done (with what changed), or the problems, with nothing saved.</summary>
public sealed record SiteSettingsOutcome(bool Saved, string? Message, IReadOnlyList<string> Problems);

/// <summary>
/// Saves site settings and search synonyms. Each save is one transaction: the audit row (the changed fields, before
/// and after) and the publish log rows (the logo, if a new one, then the whole settings file), so every instance's
/// applier writes the same file and its next snapshot shows it. This instance waits a moment for its own.
/// </summary>
public sealed class SiteSettingsEditor(
    StaffDbContext database, AuditLog audit, PublishChannel channel, ContentStore store, IOptions<ClinicOptions> clinic,
    IOptions<ContentOptions> content, TimeProvider time)
{
    /// <summary>The values the site shows now (the snapshot's), else the first values from configuration.</summary>
    public SiteSettings Current => store.Current.Part<SiteSettings>() ?? SiteSettings.From(clinic.Value);

    /// <summary>The synonyms as staff wrote them: the file in the content folder, or nothing yet.</summary>
    public string CurrentSynonyms
    {
        get
        {
            var path = Path.Combine(content.Value.FullPath, Search.SearchSynonyms.FileName);
            try
            {
                return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
            }
            catch (IOException)
            {
                return string.Empty;
            }
        }
    }

    /// <param name="logo">A new logo's bytes, or null to keep the one there is.</param>
    /// <param name="removeLogo">Show the clinic's name in words, with no logo.</param>
    public async Task<SiteSettingsOutcome> SaveAsync(string? actor, SiteSettingsInput input, byte[]? logo, bool removeLogo)
    {
        var before = Current;
        var problems = new List<string>();
        string? logoName = removeLogo ? null : before.Logo;
        if (logo is { Length: > 0 } && !removeLogo)
        {
            var (name, problem) = SiteSettingsRules.Logo(logo);
            if (problem is not null)
            {
                problems.Add(problem);
            }

            logoName = name ?? logoName;
        }

        var (after, found) = SiteSettingsRules.Check(input, logoName);
        problems.AddRange(found);
        if (after is null || problems.Count > 0)
        {
            return new(false, null, problems);
        }

        var changes = before.Fields().Zip(after.Fields())
            .Where(pair => !string.Equals(pair.First.Value, pair.Second.Value, StringComparison.Ordinal))
            .Select(pair => (pair.First.Key, Before: pair.First.Value, After: pair.Second.Value))
            .ToList();
        if (changes.Count == 0)
        {
            return new(true, "Nothing changed: the values are the same as before.", []);
        }

        var at = time.GetUtcNow();
        var text = FileText(after, store.Current.CategoryList);
        var rows = new List<PublishLogEntry>();
        if (logo is { Length: > 0 } && after.Logo is { } newLogo && newLogo != before.Logo)
        {
            rows.Add(channel.Row(PublishLogKinds.Picture, newLogo, null, logo, ArticleFile.ContentHash(Convert.ToBase64String(logo)), at));
        }

        rows.Add(channel.Row(PublishLogKinds.SiteSettings, SiteSettings.FileName, text, null, ArticleFile.ContentHash(text), at));
        var seq = await CommitAsync(AuditEvents.SiteSettingsSaved, actor,
            string.Join("; ", changes.Select(c => $"{c.Key}: {Quoted(c.Before)} → {Quoted(c.After)}")), rows);
        await ShownAsync(seq, () => store.Current.Part<SiteSettings>() == after);
        return new(true, $"Saved. Changed: {string.Join(", ", changes.Select(c => c.Key))}. Every page shows the new values now.", []);
    }

    /// <summary>Checks the synonyms as the site reads them; saves them only when every line can be used.</summary>
    public async Task<SiteSettingsOutcome> SaveSynonymsAsync(string? actor, string? typed)
    {
        var text = (typed ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length > MaxSynonymsLength)
        {
            return new(false, null, [$"The synonyms are {text.Length:N0} characters long; keep them to {MaxSynonymsLength:N0} or fewer."]);
        }

        var problems = new List<ContentProblem>();
        var groups = Search.SearchSynonyms.Read(text, problems);
        var hidden = text.Split('\n').Select((line, i) => (Line: i + 1, Hidden: PlainLine.FirstHidden(line))).FirstOrDefault(l => l.Hidden is not null);
        if (problems.Count > 0 || hidden.Hidden is not null)
        {
            return new(false, null,
            [
                .. problems.Select(p => $"Synonyms, line {p.Line}: {p.Reason}."),
                .. hidden.Hidden is { } c ? [$"Synonyms, line {hidden.Line}: " + PlainLine.Problem("A line", c)] : Array.Empty<string>(),
            ]);
        }

        var file = text.Length == 0 ? string.Empty : text + "\n";
        var beforeLines = Lines(CurrentSynonyms);
        var afterLines = Lines(file);
        var added = afterLines.Except(beforeLines, StringComparer.Ordinal).ToList();
        var removed = beforeLines.Except(afterLines, StringComparer.Ordinal).ToList();
        if (file == CurrentSynonyms)
        {
            return new(true, "Nothing changed: the synonyms are the same as before.", []);
        }

        var seq = await CommitAsync(AuditEvents.SynonymsSaved, actor,
            $"{groups.Length} groups; added: {(added.Count == 0 ? "none" : string.Join(" | ", added))}; taken out: {(removed.Count == 0 ? "none" : string.Join(" | ", removed))}",
            [channel.Row(PublishLogKinds.Synonyms, Search.SearchSynonyms.FileName, file, null, ArticleFile.ContentHash(file), time.GetUtcNow())]);
        await ShownAsync(seq, () => store.Current.Synonyms.Length == groups.Length
            && store.Current.Synonyms.Zip(groups).All(pair => pair.First.SequenceEqual(pair.Second)));
        return new(true, $"Saved {groups.Length} synonym groups. Search uses them now.", []);
    }

    public const int MaxSynonymsLength = 50_000;

    /// <summary>The site's categories now, in its order.</summary>
    public ArticleCategories CurrentCategories => store.Current.CategoryList;

    /// <summary>How many articles (published, or drafts in the content folder) name each category.</summary>
    public IReadOnlyDictionary<string, int> ArticlesByCategory()
    {
        var snapshot = store.Current;
        return snapshot.Articles.Concat(snapshot.Drafts)
            .GroupBy(article => article.Category.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Saves the categories as typed: names and descriptions changed, the order given by the order numbers, any
    /// marked for removal taken out, and a new one added when its fields are filled. A category keeps its id, which
    /// is what articles name, so a rename moves no article; a category articles still name cannot be removed.
    /// </summary>
    public async Task<SiteSettingsOutcome> SaveCategoriesAsync(string? actor, IReadOnlyList<CategoryInput> rows, CategoryInput? added)
    {
        var before = CurrentCategories;
        var problems = new List<string>();
        string Label(int at) => at < rows.Count ? $"Category {at + 1}" : "The new category";
        if (rows.Count > ArticleCategories.MaxCount + 1)
        {
            return new(false, null, [$"There are {rows.Count} categories; keep to {ArticleCategories.MaxCount} or fewer."]);
        }

        // Tied places: a category given a new place goes where it was put, before one already there when it moved up
        // (or is new), after it when it moved down.
        var typed = new List<(CategoryInput Row, int Order, int Moved, int At)>();
        void Take(CategoryInput row, int at, int fallbackOrder)
        {
            var order = fallbackOrder;
            if (!string.IsNullOrWhiteSpace(row.Order))
            {
                if (int.TryParse(row.Order.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var typedOrder))
                {
                    order = typedOrder;
                }
                else
                {
                    problems.Add($"{Label(at)}: enter its place in the order as a whole number, such as 3.");
                }
            }

            typed.Add((row, order, order == fallbackOrder ? 0 : order < fallbackOrder ? -1 : 1, at));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (!rows[i].Remove)
            {
                Take(rows[i], i, i + 1);
            }
        }

        if (added is not null && !added.Empty)
        {
            Take(added, rows.Count, int.MaxValue);
        }

        // Checked in the page's order, so each problem names the row as the admin sees it; saved in the order asked for.
        var ordered = typed.OrderBy(t => t.Order).ThenBy(t => t.Moved).ThenBy(t => t.At).ToList();
        var (after, found) = ArticleCategories.Check(
            [.. ordered.Select(t => new ArticleCategory(t.Row.Id?.Trim() ?? string.Empty, t.Row.Name ?? string.Empty, t.Row.Description ?? string.Empty))],
            [.. ordered.Select(t => Label(t.At))]);
        problems.AddRange(found);

        // A category goes when it is marked for removal, or when its id is typed over: either way, its articles would have none.
        var counts = ArticlesByCategory();
        var keptKeys = typed.Select(t => t.Row.Id?.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in before.All.Where(c => !keptKeys.Contains(c.Key)))
        {
            if (counts.GetValueOrDefault(gone.Key) is var count and > 0)
            {
                problems.Add($"\"{gone.Name}\" cannot be removed: {count} {(count == 1 ? "article is" : "articles are")} in it. " +
                    "Give each of them another category in the editor first, or keep the category and rename it.");
            }
        }

        if (after is null || problems.Count > 0)
        {
            return new(false, null, problems);
        }

        if (after.Equals(before))
        {
            return new(true, "Nothing changed: the categories are the same as before.", []);
        }

        var text = FileText(Current, after);
        var seq = await CommitAsync(AuditEvents.CategoriesSaved, actor, Changes(before, after),
            [channel.Row(PublishLogKinds.SiteSettings, SiteSettings.FileName, text, null, ArticleFile.ContentHash(text), time.GetUtcNow())]);
        await ShownAsync(seq, () => store.Current.CategoryList.Equals(after));
        return new(true, "Saved the categories. The home page and the articles list show them now; every article keeps its address.", []);
    }

    /// <summary>What the audit says: each category added, renamed, described anew or removed, and the order if it changed.</summary>
    private static string Changes(ArticleCategories before, ArticleCategories after)
    {
        var changes = new List<string>();
        foreach (var category in after.All)
        {
            if (before.Find(category.Key) is not { } old)
            {
                changes.Add($"added {category.Key}: {Quoted(category.Name)}");
                continue;
            }

            if (old.Name != category.Name)
            {
                changes.Add($"renamed {category.Key}: {Quoted(old.Name)} → {Quoted(category.Name)}");
            }

            if (old.Description != category.Description)
            {
                changes.Add($"description of {category.Key}: {Quoted(old.Description)} → {Quoted(category.Description)}");
            }
        }

        changes.AddRange(before.All.Where(c => after.Find(c.Key) is null).Select(c => $"removed {c.Key}: {Quoted(c.Name)}"));
        var (orderBefore, orderAfter) = (string.Join(", ", before.All.Select(c => c.Key)), string.Join(", ", after.All.Select(c => c.Key)));
        if (orderBefore != orderAfter)
        {
            changes.Add($"order: {orderBefore} → {orderAfter}");
        }

        return string.Join("; ", changes);
    }

    /// <summary>The settings file: the settings and the categories, written whole, so saving one never loses the other.</summary>
    private static string FileText(SiteSettings settings, ArticleCategories categories) =>
        (settings with { Categories = [.. categories.All] }).ToJson();

    private async Task<long> CommitAsync(string auditEvent, string? actor, string detail, IReadOnlyList<PublishLogEntry> rows)
    {
        long seq;
        await using (var transaction = await database.Database.BeginTransactionAsync())
        {
            await audit.RecordAsync(auditEvent, actor, detail);
            seq = await PublishChannel.AppendAsync(database, rows);
            await transaction.CommitAsync();
        }

        channel.Wake();
        return seq;
    }

    /// <summary>
    /// Waits, a few seconds at most, until this instance's snapshot shows the change (the applier writes the file,
    /// then reloads), so the page that answers, and the next page the admin opens, already show it.
    /// </summary>
    private async Task ShownAsync(long seq, Func<bool> shown)
    {
        await channel.WaitForAppliedAsync(seq, TimeSpan.FromSeconds(5));
        var until = time.GetUtcNow() + TimeSpan.FromSeconds(5);
        while (!shown() && time.GetUtcNow() < until)
        {
            await Task.Delay(20);
        }
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    private static string Quoted(string? value) => value is null ? "(none)" : $"\"{value.Replace("\n", " / ", StringComparison.Ordinal)}\"";
}
