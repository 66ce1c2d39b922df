using HeadacheInfo.Web.Staff.Guides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>The writing guide (also at <c>writing</c>), or with <c>staff</c> the staff guide, as the running version ships them. Any signed-in member of staff may read them.</summary>
public sealed class GuideModel : PageModel
{
    public bool IsWritingGuide { get; private set; }

    public string Html { get; private set; } = "";

    public IActionResult OnGet(string? name)
    {
        if (StaffGuides.Html(name) is not { } html)
        {
            return NotFound();
        }

        IsWritingGuide = name != StaffGuides.StaffName;
        Html = html;
        return Page();
    }
}
