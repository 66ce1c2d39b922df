using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.SiteSettings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>
/// Admins set the clinic's name, logo, accent colour and contact details, and the search synonyms. Only the
/// fields below are read: the emergency and urgent-advice numbers and names stay in configuration, so a form
/// posted with them changes nothing. Every rule is <see cref="SiteSettingsRules"/>'s; a refused save keeps
/// everything typed.
/// </summary>
[Authorize(Policy = StaffPolicies.Admin)]
[AcceptsFormPost]
[TakesUploads, RequestSizeLimit(MaxRequestBytes)]
public sealed class SiteSettingsModel(SiteSettingsEditor editor, UserManager<StaffUser> users) : PageModel
{
    /// <summary>The logo (at most 200 KB) and the fields, with room to spare; anything larger is refused before it is read.</summary>
    public const long MaxRequestBytes = 1024 * 1024;

    [BindProperty] public string? ClinicName { get; set; }

    [BindProperty] public IFormFile? Logo { get; set; }

    [BindProperty] public bool RemoveLogo { get; set; }

    [BindProperty] public string? AccentColour { get; set; }

    [BindProperty] public string? Phone { get; set; }

    [BindProperty] public string? BookingUrl { get; set; }

    [BindProperty] public string? PostalAddress { get; set; }

    [BindProperty] public string? OpeningHours { get; set; }

    [BindProperty] public string? Synonyms { get; set; }

    /// <summary>The categories in the site's order (<c>Categories[0].Id</c>, <c>.Name</c>, <c>.Description</c>, <c>.Order</c>, <c>.Remove</c>).</summary>
    [BindProperty] public List<CategoryInput> Categories { get; set; } = [];

    /// <summary>The row for a new category (<c>NewCategory.Id</c>, <c>.Name</c>, <c>.Description</c>, <c>.Order</c>).</summary>
    [BindProperty] public CategoryInput? NewCategory { get; set; }

    /// <summary>How many articles name each category, shown beside it: a category with articles cannot be removed.</summary>
    public IReadOnlyDictionary<string, int> ArticleCounts => editor.ArticlesByCategory();

    /// <summary>The values the site shows now.</summary>
    public Web.Staff.SiteSettings.SiteSettings Current => editor.Current;

    public string? Message { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public void OnGet()
    {
        Fill();
        Synonyms = editor.CurrentSynonyms;
        FillCategories();
    }

    /// <summary>A button this page does not have.</summary>
    public IActionResult OnPost() => BadRequest();

    public async Task<IActionResult> OnPostSaveSettingsAsync()
    {
        byte[]? logo = null;
        if (Logo is { Length: > 0 } file)
        {
            await using var stream = file.OpenReadStream();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, HttpContext.RequestAborted);
            logo = copy.ToArray();
        }

        var outcome = await editor.SaveAsync(await MyEmailAsync(),
            new(ClinicName, AccentColour, Phone, BookingUrl, PostalAddress, OpeningHours), logo, RemoveLogo);
        Told(outcome);
        if (outcome.Saved)
        {
            ModelState.Clear();
            Fill();
        }

        Synonyms = editor.CurrentSynonyms;
        FillCategories();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveCategoriesAsync()
    {
        var outcome = await editor.SaveCategoriesAsync(await MyEmailAsync(), Categories, NewCategory);
        Told(outcome);
        if (outcome.Saved)
        {
            ModelState.Clear();
            FillCategories();
        }

        Fill();
        Synonyms = editor.CurrentSynonyms;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveSynonymsAsync()
    {
        var outcome = await editor.SaveSynonymsAsync(await MyEmailAsync(), Synonyms);
        Told(outcome);
        if (outcome.Saved)
        {
            ModelState.Clear();
            Synonyms = editor.CurrentSynonyms;
        }

        Fill();
        FillCategories();
        return Page();
    }

    private void Told(SiteSettingsOutcome outcome)
    {
        Message = outcome.Message;
        Problems = outcome.Problems;
    }

    /// <summary>The form's values: the site's own, except on a refused save, where what the admin typed stays.</summary>
    private void Fill()
    {
        var current = editor.Current;
        ClinicName = current.ClinicName;
        AccentColour = current.AccentColour;
        Phone = current.Phone;
        BookingUrl = current.BookingUrl;
        PostalAddress = current.PostalAddress;
        OpeningHours = current.OpeningHours;
        RemoveLogo = false;
    }

    private void FillCategories()
    {
        Categories = [.. editor.CurrentCategories.All.Select((c, i) => new CategoryInput(c.Key, c.Name, c.Description, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        NewCategory = null;
    }

    private async Task<string?> MyEmailAsync() => (await users.GetUserAsync(User))?.Email;
}
