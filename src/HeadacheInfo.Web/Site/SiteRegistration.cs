namespace HeadacheInfo.Web.Site;

public static class SiteRegistration
{
    public const string ErrorRoute = "/error";
    public const string StatusPrefix = "/status";
    public const string StatusRoute = StatusPrefix + "/{0}";

    /// <summary>Razor Pages and the site-wide web server settings.</summary>
    public static WebApplicationBuilder AddSitePages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        builder.Services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AbsoluteUrls>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    /// <summary>
    /// Friendly pages for errors and for 4xx answers. Outside Development an exception shows the friendly
    /// error page, never a stack trace.
    /// </summary>
    public static WebApplication UseFriendlyErrorPages(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler(ErrorRoute);
        }

        app.UseStatusCodePagesWithReExecute(StatusRoute);
        return app;
    }
}
