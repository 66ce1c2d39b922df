namespace HeadacheInfo.Web.Search;

public static class SearchRegistration
{
    /// <summary>Site search over the current content snapshot.</summary>
    public static WebApplicationBuilder AddSiteSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SiteSearch>();
        return builder;
    }
}
