using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.SymptomCheck;

/// <summary>Every rule the symptom check uses; the same for everyone, so built once per content snapshot.</summary>
[ContentPage]
[InSitemap(3)]
public sealed class HowItWorksModel : PageModel
{
    public void OnGet()
    {
    }
}
