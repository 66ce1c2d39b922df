using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff.Database;

namespace HeadacheInfo.Web.Staff.Publishing;

public static class PublishingRegistration
{
    /// <summary>
    /// Edits made outside the workspace, recorded; and the publish log with PostgreSQL: the channel, its
    /// applier and its health (with SQLite, the channel says it is off).
    /// </summary>
    public static WebApplicationBuilder AddPublishing(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<OutsideEditRecorder>();
        builder.Services.AddPublishChannel();
        if (StaffDatabase.IsPostgres(builder.Configuration[$"{DatabaseOptions.Section}:Provider"]))
        {
            builder.Services.AddHostedService<PublishLogApplier>();
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
