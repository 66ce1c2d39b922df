using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Site;

public static partial class SiteRegistration
{
    public const string ErrorRoute = "/error";
    public const string StatusPrefix = "/status";
    public const string StatusRoute = StatusPrefix + "/{0}";

    /// <summary>Razor Pages and the site-wide web server settings.</summary>
    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(pages => pages.Conventions.Add(new HeadacheInfo.Web.Security.PageMethods()));
        builder.Services.Configure<RouteOptions>(routes => routes.LowercaseUrls = true);
        // The antiforgery cookie goes back only over HTTPS when the form came over HTTPS.
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AbsoluteUrls>();
        builder.Services.AddHostedService<SiteAddressWarning>();

        // With the address fixed, a request for any other host is refused (400) before any page can name that host.
        builder.Services.AddOptions<HostFilteringOptions>().Configure<IOptions<SiteOptions>, IConfiguration>((hosts, site, configuration) =>
        {
            if (Uri.TryCreate(site.Value.BaseUrl, UriKind.Absolute, out var baseUrl))
            {
                var extra = (configuration["AllowedHosts"] ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                hosts.AllowedHosts = [baseUrl.IdnHost, .. extra.Where(host => host != "*")];
            }
        });
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

    /// <summary>Says at start, naming the key, that pages will name whatever host a request gives.</summary>
    private sealed partial class SiteAddressWarning(AbsoluteUrls urls, IHostEnvironment environment, ILogger<SiteAddressWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (!urls.IsFixed && !environment.IsDevelopment())
            {
                LogUnset();
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message =
            "Site:BaseUrl is not set: canonical links and the sitemap use the Host each request gives, any host is " +
            "accepted, and pages are not offered to shared caches. Set Site:BaseUrl (Site__BaseUrl) to the site's public address.")]
        private partial void LogUnset();
    }
}
