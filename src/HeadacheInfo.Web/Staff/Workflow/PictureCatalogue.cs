using System.Text.RegularExpressions;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Articles.Pictures;
using SkiaSharp;
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
        var all = onSite.Keys.Union(uploaded.Select(u => u.Name), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        // A photo's smaller web sizes are listed with it, not as pictures of their own.
        var sizesOf = all.Where(n => WebSizes.SizeOf(n) is { } of && all.Contains(of)).ToLookup(n => WebSizes.SizeOf(n)!, StringComparer.Ordinal);
        var drafted = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var pending = all.Where(n => !onSite.ContainsKey(n) && !n.EndsWith(".svg", StringComparison.Ordinal)).ToList();
        foreach (var picture in await database.RevisionPictures.AsNoTracking().Where(p => pending.Contains(p.Name)).Select(p => new { p.Name, p.Bytes }).ToListAsync())
        {
            drafted[picture.Name] = Dimensions(() => SKCodec.Create(new SKMemoryStream(picture.Bytes)));
        }

        return [.. all.Where(n => !(WebSizes.SizeOf(n) is { } of && all.Contains(of))).Order(StringComparer.Ordinal).Select(name =>
        {
            var upload = uploaded.FirstOrDefault(u => u.Name == name);
            PictureSize SizeOf(string each)
            {
                var bytes = onSite.TryGetValue(each, out var fileSize) ? fileSize : uploaded.FirstOrDefault(u => u.Name == each)?.Size ?? 0;
                var (width, height) = onSite.ContainsKey(each)
                    ? Dimensions(() => SKCodec.Create(Path.Combine(images.Folder, each))) : drafted.GetValueOrDefault(each);
                return new PictureSize(each, width, height, bytes);
            }

            var size = onSite.TryGetValue(name, out var fileSize) ? fileSize : upload!.Size;
            return new PictureEntry(name, size, onSite.ContainsKey(name), upload?.Slug, upload?.UploadedBy, upload?.UploadedAt,
                [.. byName[name].DistinctBy(u => (u.Slug, u.Published, u.Alt))])
            {
                Sizes = name.EndsWith(".svg", StringComparison.Ordinal) ? [] : [.. sizesOf[name].Select(SizeOf).Append(SizeOf(name)).OrderBy(s => s.Width)],
            };
        })];
    }

    /// <summary>A picture's width and height from its header alone, or zeros when it cannot be read.</summary>
    private static (int Width, int Height) Dimensions(Func<SKCodec?> open)
    {
        try
        {
            using var codec = open();
            return codec is null ? (0, 0) : (codec.Info.Width, codec.Info.Height);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    /// <summary>
    /// Pictures in the images folder that no article on the site shows any more. Nothing deletes them. Only the
    /// published articles and the folder decide it, so the dashboard reads no drafts or uploads for it.
    /// </summary>
    public IReadOnlyList<PictureEntry> Unused()
    {
        var shown = PublishedUses().Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        // A web size is in use while the photo it was made from is.
        return [.. images.List().Where(file => !shown.Contains(file.Name) && !(WebSizes.SizeOf(file.Name) is { } of && shown.Contains(of)))
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
