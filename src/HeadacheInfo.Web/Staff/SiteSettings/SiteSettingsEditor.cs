using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Publishing;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.SiteSettings;

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
        var text = after.ToJson();
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
