using System.Text.Json;
using HeadacheInfo.Web.Clinic;

namespace HeadacheInfo.Web.Staff.SiteSettings;

/// <summary>
/// The home page's schema.org <c>MedicalClinic</c>, from the site settings: what search engines show as the
/// clinic's name, logo, phone, address, opening hours and booking link. The default encoder writes &lt; and &gt; as
/// escapes, so no value can close the script element it sits in.
/// </summary>
public static class ClinicStructuredData
{
    public static string For(SiteSettings site, string? homeUrl, string? logoUrl)
    {
        var clinic = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "MedicalClinic",
            ["name"] = site.ClinicName,
            ["url"] = homeUrl,
            ["logo"] = logoUrl,
            ["telephone"] = site.Phone,
            ["address"] = site.PostalAddress is { } address
                ? new Dictionary<string, object?> { ["@type"] = "PostalAddress", ["streetAddress"] = address.Replace("\n", ", ", StringComparison.Ordinal) }
                : null,
            ["openingHours"] = site.OpeningHours?.Split('\n'),
            ["potentialAction"] = site.BookingUrl is { } booking
                ? new Dictionary<string, object?> { ["@type"] = "ReserveAction", ["target"] = booking }
                : null,
        };
        return JsonSerializer.Serialize(clinic.Where(entry => entry.Value is not null).ToDictionary());
    }

    /// <summary>For a view: the snapshot's settings, else configuration's.</summary>
    public static SiteSettings Of(HttpContext context) =>
        Articles.ContentStore.For(context).Part<SiteSettings>()
        ?? SiteSettings.From(context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClinicOptions>>().Value);
}
