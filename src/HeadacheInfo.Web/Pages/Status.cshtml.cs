using HeadacheInfo.Web.RateLimits;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HeadacheInfo.Web.Pages;

/// <summary>The friendly page shown for 4xx answers (re-executed by the status code pages middleware).</summary>
[IgnoreAntiforgeryToken]
[AnswersAnyMethod]
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    /// <summary>The request was for the staff area: the answer is a staff page, never the patients' one.</summary>
    public bool ForStaff { get; private set; }

    /// <summary>
    /// What a member of staff had typed into a form when their session ended (signed out elsewhere, or idle too
    /// long): shown back to copy, since nothing was saved and Back would not bring it back.
    /// </summary>
    public IReadOnlyList<(string Label, string Text)> Unsaved { get; private set; } = [];

    private static readonly (string Field, string Label)[] Typed =
        [("Title", "Title"), ("Summary", "Summary"), ("Body", "The article"), ("Note", "Your note"), ("Comment", "Your comment"), ("Reason", "Your reason")];

    // Re-execution keeps the original method: [AnswersAnyMethod] runs this for any method but POST.
    public void OnGet() => Describe();

    // Re-execution keeps the original method, so a failed POST lands here as a POST.
    public async Task OnPostAsync()
    {
        Describe();
        if (ForStaff && Response.StatusCode == StatusCodes.Status401Unauthorized && Request.HasFormContentType)
        {
            var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
            Unsaved = [.. Typed.Select(t => (t.Label, Text: form[t.Field].ToString())).Where(t => t.Text.Trim().Length > 0)];
        }
    }

    private void Describe()
    {
        // Read from the route, not bound as a parameter: binding on a POST would read the failed request's body.
        var code = int.TryParse(RouteData.Values["code"] as string, out var routeCode) ? routeCode : StatusCodes.Status404NotFound;
        // Someone typing /status/500 by hand gets "not found", not a made-up error.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            code = StatusCodes.Status404NotFound;
        }

        // Set it here too: some methods (OPTIONS) would otherwise be answered 200 by the re-executed page.
        Response.StatusCode = code;
        ForStaff = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } original &&
            original.StartsWith(HeadacheInfo.Web.Staff.StaffPaths.Home, StringComparison.OrdinalIgnoreCase);
        if (ForStaff)
        {
            // A refusal routing gave before any staff page ran (such as a 405) is a staff response all the same.
            Response.Headers.CacheControl = "no-store";
            Response.Headers.Pragma = "no-cache";
        }

        (Heading, Explanation) = code switch
        {
            StatusCodes.Status401Unauthorized => ("Please sign in",
                "This part of the site is for clinic staff. Sign in first, then try again."),
            StatusCodes.Status403Forbidden => ("You cannot do that",
                ForStaff
                    ? "Your account's role does not allow this page or action (some are for reviewers or admins only). If you think it should, ask an admin at your clinic."
                    : "Your account does not allow this. If you think it should, ask an admin at your clinic."),
            StatusCodes.Status404NotFound => ("Page not found",
                "We could not find that page. It may have moved, or the address may be mistyped."),
            StatusCodes.Status405MethodNotAllowed => ("That did not work",
                "This page cannot do what was asked. Please go back and try again."),
            StatusCodes.Status413PayloadTooLarge => ("That was too large to send",
                ForStaff
                    ? "What you sent was far larger than any article and picture. A picture must be 20 MB or less: send a smaller copy (on a phone, share it as \"Large\" rather than \"Actual size\"). Go back: what you typed is still in the form in your browser."
                    : "What you sent was larger than this site takes. Please go back and try again."),
            StatusCodes.Status414UriTooLong => ("That address is too long",
                "The web address is longer than any page on this site. Please check it, or start from the home page."),
            StatusCodes.Status429TooManyRequests => ("Please wait a moment",
                // Each limit says what was limited; the page that was limited names its limit in its metadata.
                RateLimitPolicy.Named(HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.Endpoint?.Metadata
                    .GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName)?.Explanation
                ?? "We have had a lot of requests from you in a short time. Please wait a minute, then try again."),
            _ => ("Sorry, something was wrong with that request",
                "We could not understand what was sent. Please go back and try again."),
        };
    }
}
