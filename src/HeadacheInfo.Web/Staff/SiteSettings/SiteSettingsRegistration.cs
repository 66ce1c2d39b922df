using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Staff.SiteSettings;

public static class SiteSettingsRegistration
{
    /// <summary>
    /// The clinic's own name, logo, colour and contact details, read with each snapshot (before the parts that
    /// render pages and work out their ETag), and the service the admins' page saves them with.
    /// </summary>
    public static WebApplicationBuilder AddSiteSettings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISnapshotPart, SiteSettingsPart>();
        builder.Services.AddScoped<SiteSettingsEditor>();
        return builder;
    }
}
