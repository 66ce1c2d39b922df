using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Articles.Pictures;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>The pictures a text shows that the site does not have yet, but a draft was uploaded with: they go live with the text.</summary>
public sealed class PublishedPictures(StaffDbContext database, ContentImages images)
{
    /// <summary>The names of the pictures a text shows that are not in the images folder (yet).</summary>
    /// <param name="withSizes">With each picture's smaller web sizes, which travel with it but are not named in the text.</param>
    public List<string> NotOnSite(string text, bool withSizes = true) =>
        [.. PictureRules.Reference().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)
            .SelectMany(name => withSizes ? [name, .. WebSizes.SmallerNames(name)] : (IEnumerable<string>)[name]).Where(name => !images.Exists(name))];

    /// <summary>The pictures a text about to be published shows that are not in the images folder yet.</summary>
    public async Task<IReadOnlyList<(string Name, byte[] Bytes)>> ToWriteAsync(string text)
    {
        var names = NotOnSite(text);
        return names.Count == 0 ? []
            : [.. (await database.RevisionPictures.AsNoTracking().Where(p => names.Contains(p.Name)).Select(p => new { p.Name, p.Bytes }).ToListAsync())
                .Select(p => (p.Name, p.Bytes))];
    }

    /// <summary>", with the pictures a, b" for an audit line, or nothing.</summary>
    public static string Described(IReadOnlyList<(string Name, byte[] Bytes)> pictures) =>
        pictures.Count == 0 ? string.Empty : $", with the picture{(pictures.Count == 1 ? string.Empty : "s")} {string.Join(", ", pictures.Select(p => p.Name))}";
}
