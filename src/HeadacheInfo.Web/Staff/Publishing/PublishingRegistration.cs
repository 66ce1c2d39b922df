using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff.Database;

namespace HeadacheInfo.Web.Staff.Publishing;

public static class PublishingRegistration
{
    /// <summary>
    /// The publish log, on both databases: the channel and its applier, the one writer of published changes to the folder; with PostgreSQL also its health and the start's
    /// catch-up the folder watcher waits for (several instances share the log there).
    /// </summary>
    public static WebApplicationBuilder AddPublishing(this WebApplicationBuilder builder)
    {
        builder.Services.AddPublishChannel();
        builder.Services.AddHostedService<PublishLogApplier>();
        if (StaffDatabase.IsPostgres(builder.Configuration[$"{DatabaseOptions.Section}:Provider"]))
        {
            builder.Services.AddSingleton<IContentCatchUp>(services => services.GetRequiredService<PublishChannel>());
            builder.Services.AddHealthChecks().AddCheck<PublishingHealthCheck>(PublishingHealthCheck.Name);
        }

        return builder;
    }

    public static IServiceCollection AddPublishChannel(this IServiceCollection services)
    {
        services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PublishChannel>();
        return services;
    }
}
