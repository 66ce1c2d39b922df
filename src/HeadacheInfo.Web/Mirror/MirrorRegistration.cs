using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Mirror;

public static class MirrorRegistration
{
    /// <summary>
    /// The static mirror (<c>Site:StaticMirrorPath</c>): the reader pages as files, for nginx to serve even while
    /// the site is down. Off unless the setting is there.
    /// </summary>
    public static WebApplicationBuilder AddStaticMirror(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaticMirrorOptions>()
            .BindConfiguration(HeadacheInfo.Web.Site.SiteOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StaticMirrorOptions>, StaticMirrorOptionsValidator>();
        if (!string.IsNullOrWhiteSpace(builder.Configuration[StaticMirrorOptions.Key]))
        {
            builder.Services.AddHostedService<StaticMirrorWriter>();
        }

        return builder;
    }
}
