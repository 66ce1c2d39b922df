using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages;

/// <summary>A headache diary to print: eight weeks, a row a day. Nothing is filled in or kept online.</summary>
[ContentPage]
[InSitemap(4)]
public sealed class HeadacheDiaryModel : PageModel
{
    public const int Weeks = 8;

    public void OnGet()
    {
    }
}
