using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using HeadacheInfo.Web.SymptomCheck;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Pages.Staff;

/// <summary>
/// Everything the symptom check asks and answers, and its hazard log, for a reviewer to read and sign off
/// (<c>name="action" value="sign-off-check"</c>). Reviewers only: the policy reads their roles at each request.
/// </summary>
[Authorize(Policy = StaffPolicies.Reviewer)]
[AcceptsFormPost]
public sealed class SymptomCheckSignOffModel(
    CheckSignOffs signOffs, UserManager<StaffUser> users, IOptions<ClinicOptions> clinic, IAuthorizationService authorization) : PageModel
{
    /// <summary>The fingerprint of the check the reviewer read, sent back with the button.</summary>
    [BindProperty]
    public string? Fingerprint { get; set; }

    public ClinicOptions Clinic => clinic.Value;

    public string CurrentFingerprint => signOffs.Fingerprint;

    public CheckSignOff SignOff { get; private set; } = null!;

    /// <summary>Each signer's name as the staff area shows it, by email.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>How readers will see the signed-in reviewer named.</summary>
    public string? MyTitle { get; private set; }

    /// <summary>The signed-in person may sign the check off now, as the editorial rules say.</summary>
    public bool CanSignOff { get; private set; }

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>A button this page does not have.</summary>
    public IActionResult OnPost() => BadRequest();

    public async Task<IActionResult> OnPostSignOffCheckAsync()
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Forbid();
        }

        var result = await signOffs.SignAsync(me, Fingerprint);
        if (this.Show(result, done => Message = done, refused => Problem = refused.Message) is { } answer)
        {
            return answer;
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>A moment on the clinic's clock, as the staff area says it.</summary>
    public string When(DateTimeOffset at) => ClinicTime.Describe(at, Clinic.FindZone());

    public string NameOf(CheckSignature signature) =>
        Names.TryGetValue(signature.Actor, out var name) && !string.IsNullOrWhiteSpace(name) ? $"{name} ({signature.Actor})" : signature.Actor;

    private async Task LoadAsync()
    {
        SignOff = await signOffs.ReadAsync();
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var signature in new[] { SignOff.Current, SignOff.Latest }.OfType<CheckSignature>())
        {
            if (!names.ContainsKey(signature.Actor) && await users.FindByEmailAsync(signature.Actor) is { } user)
            {
                names[signature.Actor] = user.DisplayName;
            }
        }

        Names = names;
        MyTitle = (await users.GetUserAsync(User))?.PublicTitle;
        CanSignOff = await authorization.MayAsync(User, EditorialAction.SignOffCheck);
    }
}
