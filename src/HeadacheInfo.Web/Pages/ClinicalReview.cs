using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.SymptomCheck;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Pages;

/// <summary>
/// The line a page carries about its clinical sign-off (<c>_ClinicalReview.cshtml</c>, <c>data-clinical-review</c>),
/// in the same words on an article and on the pages the symptom check's sign-off covers.
/// </summary>
/// <param name="Reviewer">The title of the reviewer who signed this version off (never an email); null while pending.</param>
/// <param name="On">The day it was signed off or last reviewed, in the clinic's zone.</param>
/// <param name="OnWording">What the date says, such as "The whole page was last reviewed on".</param>
/// <param name="Sources">Where the sources are, for a page not yet signed off: "listed below"; null when the page has none of its own.</param>
public sealed record ClinicalReview(string? Reviewer, DateOnly On, string OnWording, string? Sources)
{
    public bool SignedOff => Reviewer is not null;

    /// <summary>A page the symptom check's sign-off covers (the check, how it works, the home page, the diary), as this request's snapshot has it.</summary>
    public static ClinicalReview ForCheck(HttpContext context, string? sources) =>
        ForCheck(ContentStore.For(context).Part<CheckSignOff>(), context.RequestServices.GetRequiredService<IOptions<ClinicOptions>>().Value, sources);

    /// <summary>A page the symptom check's sign-off covers: pending without a sign-off of the current fingerprint.</summary>
    public static ClinicalReview ForCheck(CheckSignOff? signOff, ClinicOptions clinic, string? sources) =>
        signOff?.Current is { } signed
            ? new(signed.Title, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(signed.At, clinic.FindZone()).DateTime), "It was signed off on", sources)
            : new(null, default, string.Empty, sources);
}
