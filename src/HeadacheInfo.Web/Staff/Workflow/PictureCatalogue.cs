using System.Text.RegularExpressions;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>Every picture the staff area knows of, and where each is used: for the Pictures page and the dashboard.</summary>
public sealed partial class PictureCatalogue(ContentImages images, StaffDbContext database, ContentStore store)
{
    public async Task<IReadOnlyList<PictureEntry>> AllAsync()
    {
        var uses = PublishedUses().ToList();
        var drafts = await database.ArticleStates.AsNoTracking().Where(s => s.DraftRevisionId != null)
            .Join(database.ArticleRevisions.AsNoTracking(), s => s.DraftRevisionId, r => r.Id, (s, r) => new { r.Slug, r.Text })
            .ToListAsync();
        foreach (var draft in drafts)
        {
            var title = ArticleDraft.FromMarkdown(draft.Text)?.Title is { Length: > 0 } t ? t : draft.Slug;
            foreach (Match picture in Shown().Matches(draft.Text))
            {
                uses.Add((picture.Groups["name"].Value, new PictureUse(draft.Slug, title, Unescape().Replace(picture.Groups["alt"].Value, "$1"), Published: false)));
            }
        }

        var uploaded = await database.RevisionPictures.AsNoTracking()
            .Select(p => new { p.Name, p.Slug, p.UploadedBy, p.UploadedAt, Size = (long)p.Bytes.Length }).ToListAsync();
        var onSite = images.List().ToDictionary(f => f.Name, f => f.Size, StringComparer.Ordinal);
        var byName = uses.ToLookup(u => u.Name, u => u.Use, StringComparer.Ordinal);
        return [.. onSite.Keys.Union(uploaded.Select(u => u.Name), StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(name =>
        {
            var upload = uploaded.FirstOrDefault(u => u.Name == name);
            var size = onSite.TryGetValue(name, out var fileSize) ? fileSize : upload!.Size;
            return new PictureEntry(name, size, onSite.ContainsKey(name), upload?.Slug, upload?.UploadedBy, upload?.UploadedAt,
                [.. byName[name].DistinctBy(u => (u.Slug, u.Published, u.Alt))]);
        })];
    }

    /// <summary>
    /// Pictures in the images folder that no article on the site shows any more. Nothing deletes them. Only the
    /// published articles and the folder decide it, so the dashboard reads no drafts or uploads for it.
    /// </summary>
    public IReadOnlyList<PictureEntry> Unused()
    {
        var shown = PublishedUses().Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        return [.. images.List().Where(file => !shown.Contains(file.Name))
            .Select(file => new PictureEntry(file.Name, file.Size, OnSite: true, null, null, null, []))];
    }

    private IEnumerable<(string Name, PictureUse Use)> PublishedUses() =>
        from article in store.Current.Articles
        from image in article.Body.Images
        let name = PictureUploads.NameIn(image.Url)
        where name is not null
        select (name, new PictureUse(article.Slug, article.Title, image.AltText, Published: true));

    /// <summary>A picture in a draft's Markdown, as the editor writes one: <c>![alt](/images/name.png)</c>.</summary>
    [GeneratedRegex(@"!\[(?<alt>(?:[^\]\\]|\\.)*)\]\(\s*/images/(?<name>[a-z0-9]+(?:-[a-z0-9]+)*\.(?:png|jpg|jpeg|webp|svg))")]
    private static partial Regex Shown();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex Unescape();
}
