namespace HeadacheInfo.Web.Insights;

public static class InsightsRegistration
{
    /// <summary>
    /// What patients looked for, counted on the server only: daily totals in memory, flushed to the staff
    /// database in the background (docs/privacy.md says exactly what).
    /// </summary>
    public static WebApplicationBuilder AddInsights(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<InsightsOptions>()
            .BindConfiguration(InsightsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<UsageCounter>();
        builder.Services.AddScoped<Staff.Insights.InsightsQueries>();
        builder.Services.AddSingleton<InsightsFlush>();
        builder.Services.AddHostedService(services => services.GetRequiredService<InsightsFlush>());
        return builder;
    }

    /// <summary>
    /// Counts the content pages read (a page, not the sitemap) that the pre-rendered step did not answer (it
    /// counts its own, <see cref="Caching.PrerenderedPage.IsPage"/>): after routing, so only real pages count,
    /// never a made-up address; never the pre-renderer's own requests. A 304 is a reader reading it again.
    /// </summary>
    public static WebApplication UsePageReadCounting(this WebApplication app)
    {
        var counter = app.Services.GetRequiredService<UsageCounter>();
        app.Use(async (context, next) =>
        {
            await next(context);
            if (HttpMethods.IsGet(context.Request.Method) && ContentPageAttribute.Applies(context) &&
                !Caching.Prerendering.IsRendering(context) &&
                context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified &&
                context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            {
                counter.PageRead(context.Request.Path.Value ?? "/");
            }
        });
        return app;
    }
}
