using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>
/// A picture for staff eyes, approved or still in a draft, as the editor's preview and the review page show it.
/// Staff only and never stored, like every staff page; the type is the one its own bytes show, never guessed by
/// the browser, and a drawing opened on its own cannot run anything.
/// </summary>
public sealed class PictureFileModel(ArticleQueries queries) : PageModel
{
    /// <summary>Where the staff area serves a picture by name, such as /staff/pictures/file/neck-stretch.png.</summary>
    public const string Prefix = "/staff/pictures/file/";

    [FromRoute] public string Name { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await queries.PictureAsync(Name) is not { } picture)
        {
            return NotFound();
        }

        // nosniff and a sandboxing Content-Security-Policy come from the site's header policy for this address.
        return File(picture.Bytes, picture.ContentType);
    }

    /// <summary>An article's HTML with its pictures served from here, so a draft's pictures show before they are on the site.</summary>
    public static string ShowDraftPictures(string html) =>
        html.Replace($"src=\"{HeadacheInfo.Web.Site.SitePaths.Images}/", $"src=\"{Prefix}", StringComparison.Ordinal);
}
