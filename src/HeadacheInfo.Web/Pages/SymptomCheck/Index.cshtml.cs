using System.Collections.Immutable;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Insights;
using HeadacheInfo.Web.RateLimits;
using HeadacheInfo.Web.SymptomCheck;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Pages.SymptomCheck;

/// <summary>
/// The symptom-pattern form and its result. The result is rendered in answer to the POST: answers never go
/// into a URL, cookie or redirect, are never logged, and the page is never cached. The result lists the answers
/// rather than repeating the form; "Change your answers" posts them back (handler <c>change</c>) and the form
/// comes back ticked, so they stay out of the address even then.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[NoHttpsCompression]
[AcceptsFormPost]
[RequestSizeLimit(MaxBodyBytes)]
[EnableRateLimiting(RateLimitPolicy.SymptomCheck)]
[RequestFormLimits(ValueCountLimit = 100, ValueLengthLimit = 1024, MultipartBodyLengthLimit = MaxBodyBytes)]
[InSitemap(2)]
public sealed class SymptomCheckModel(IOptions<ClinicOptions> clinic, UsageCounter counter) : PageModel
{
    public const int MaxBodyBytes = 16 * 1024;

    public ClinicOptions Clinic => clinic.Value;

    public TriageResult? Result { get; private set; }

    public ImmutableHashSet<string> Ticked { get; private set; } = [];

    public IReadOnlyList<Article> Related { get; private set; } = [];

    public void OnGet()
    {
    }

    /// <summary>True when the form is shown again with earlier answers ticked, for the person to change them.</summary>
    public bool Changing { get; private set; }

    public IActionResult OnPost()
    {
        if (ReadAnswers() is not { } ids)
        {
            return BadRequest();
        }

        Ticked = [.. ids];
        Result = SymptomTriage.Assess(ids);
        // Which result was shown, and nothing else: never the answers.
        counter.CheckResult(Result.Outcome);
        Related = RelatedArticles.For(Result, ContentStore.For(HttpContext));
        return Page();
    }

    public IActionResult OnPostChange()
    {
        if (ReadAnswers() is not { } ids)
        {
            return BadRequest();
        }

        Ticked = [.. ids];
        Changing = true;
        return Page();
    }

    private ImmutableArray<string>? ReadAnswers() =>
        Request.HasFormContentType ? SymptomAnswers.Parse(Request.Form[SymptomAnswers.FieldName]) : null;
}
