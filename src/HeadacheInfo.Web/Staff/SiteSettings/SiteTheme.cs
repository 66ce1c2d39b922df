using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Staff.SiteSettings;

/// <summary>
/// The accent colour as a stylesheet of its own, <c>/theme.css</c>, linked after site.css only when an admin chose
/// a colour other than site.css's: the Content-Security-Policy allows no inline style, and a site with the
/// shipped colours makes no extra request. Its address carries the settings' fingerprint, so it is kept a year.
/// </summary>
public static class SiteTheme
{
    public const string Path = "/theme.css";

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>The address a page links, or null when site.css's own colours are used.</summary>
    public static string? Href(SiteSettings settings) =>
        settings.DefaultColours ? null : $"{Path}?v={settings.Fingerprint}";

    public static string Css(SiteSettings settings) =>
        $":root {{ --accent: {settings.AccentColour}; --accent-dark: {settings.AccentDark}; }}\n";

    public static IEndpointRouteBuilder MapSiteTheme(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(Path, GetAndHead, (HttpContext context) =>
        {
            var settings = ContentStore.For(context).Part<SiteSettings>() ?? new SiteSettings();
            // Kept long only at the address of these very values; any other address is checked each time.
            context.Response.Headers.CacheControl = context.Request.Query["v"] == settings.Fingerprint
                ? "public, max-age=31536000, immutable"
                : "no-cache";
            return Results.Text(Css(settings), "text/css; charset=utf-8");
        });
        return endpoints;
    }
}
