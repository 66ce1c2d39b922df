using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Hosting;

public static class HostingRegistration
{
    /// <summary>The application name every instance shares, so they read each other's protected data.</summary>
    public const string ApplicationName = "HeadacheInfo";

    /// <summary>
    /// What lets several instances behind a reverse proxy work as one: shared Data Protection keys under a
    /// fixed application name, and forwarded headers trusted from configured proxies only.
    /// </summary>
    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder)
    {
        var keys = builder.Configuration.GetSection(DataProtectionSettings.Section).Get<DataProtectionSettings>()?.KeysPath;
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        if (!string.IsNullOrWhiteSpace(keys))
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keys)));
        }

        builder.Services.AddOptions<ForwardedHeadersSettings>()
            .BindConfiguration(ForwardedHeadersSettings.Section)
            .Validate(settings => settings.KnownProxies.TrueForAll(p => IPAddress.TryParse(p, out _)),
                "ForwardedHeaders:KnownProxies must list IP addresses, such as 127.0.0.1.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ForwardedHeadersSettings>>((forwarded, settings) =>
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                foreach (var proxy in settings.Value.KnownProxies)
                {
                    if (IPAddress.TryParse(proxy, out var address))
                    {
                        forwarded.KnownProxies.Add(address);
                    }
                }
            });
        return builder;
    }

    /// <summary>
    /// Client address and scheme from a trusted proxy's X-Forwarded-For and X-Forwarded-Proto. A forwarded
    /// scheme other than http or https is ignored: it would end up in canonical links and the sitemap.
    /// </summary>
    public static WebApplication UseTrustedForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (request.Scheme is not ("http" or "https"))
            {
                var original = request.Headers[ForwardedHeadersDefaults.XOriginalProtoHeaderName].ToString();
                request.Scheme = original is "https" ? "https" : "http";
            }

            return next(context);
        });
        return app;
    }
}
