using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>Every picture: on the site or waiting in a draft, where each is used, its size and the alt text written for it.</summary>
public sealed class PicturesModel(PictureCatalogue catalogue) : PageModel
{
    public IReadOnlyList<PictureEntry> Pictures { get; private set; } = [];

    public async Task OnGetAsync() => Pictures = await catalogue.AllAsync();
}
