using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeadacheInfo.Web.Clinic;

namespace HeadacheInfo.Web.Staff.SiteSettings;

/// <summary>
/// What an admin sets in the browser about the clinic (name, logo, accent colour and contact details), as one
/// snapshot serves it. Kept as <see cref="FileName"/> in the content folder, which only the publish log writes, so
/// every instance shows the same values after its next snapshot. The emergency and urgent-advice numbers and names
/// are not here on purpose: what a patient is told to call stays in configuration only.
/// </summary>
public sealed record SiteSettings
{
    public const string FileName = "site-settings.json";

    /// <summary>The accent colour the stylesheet ships with (<c>--accent</c> in site.css).</summary>
    public const string DefaultAccent = "#00548f";

    public string ClinicName { get; init; } = "HeadacheInfo";

    /// <summary>The logo's file name in the content folder's <c>images/</c>, or null for the name in words alone.</summary>
    public string? Logo { get; init; }

    public string AccentColour { get; init; } = DefaultAccent;

    public string? Phone { get; init; }

    public string? BookingUrl { get; init; }

    public string? PostalAddress { get; init; }

    public string? OpeningHours { get; init; }

    /// <summary>
    /// The article categories, in the site's order, as the file holds them (none: the shipped five). Read with the
    /// articles, before them (<see cref="Articles.ArticleCategories.Read"/>), so the snapshot serves them as
    /// <see cref="Articles.ContentSnapshot.CategoryList"/>; the settings the pages use leave them out.
    /// </summary>
    public IReadOnlyList<Articles.ArticleCategory>? Categories { get; init; }

    /// <summary>The values in <c>appsettings.json</c> (the <c>Clinic</c> section): the first values, until an admin saves.</summary>
    public static SiteSettings From(ClinicOptions clinic) => new()
    {
        ClinicName = clinic.Name,
        Phone = Empty(clinic.Phone),
        BookingUrl = Empty(clinic.BookingUrl),
    };

    /// <summary>The darker accent the stylesheet uses on hover and for labels (<c>--accent-dark</c>).</summary>
    [JsonIgnore]
    public string AccentDark => AccentColours.Darker(AccentColour);

    /// <summary>Whether the accent is the stylesheet's own, so no extra stylesheet is needed.</summary>
    [JsonIgnore]
    public bool DefaultColours => string.Equals(AccentColour, DefaultAccent, StringComparison.OrdinalIgnoreCase);

    /// <summary>Short and the same on every instance holding the same values: a stylesheet's version and part of the pages' ETag.</summary>
    [JsonIgnore]
    public string Fingerprint => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(ToJson())).AsSpan(0, 6)).ToLowerInvariant();

    /// <summary>The values by the names the page's fields have, for the audit's before and after.</summary>
    public ImmutableArray<(string Key, string? Value)> Fields() =>
    [
        (nameof(ClinicName), ClinicName), (nameof(Logo), Logo), (nameof(AccentColour), AccentColour), (nameof(Phone), Phone),
        (nameof(BookingUrl), BookingUrl), (nameof(PostalAddress), PostalAddress), (nameof(OpeningHours), OpeningHours),
    ];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    /// <summary>The values a file holds, or null when it is not a settings file this version can read.</summary>
    public static SiteSettings? FromJson(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<SiteSettings>(text, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
