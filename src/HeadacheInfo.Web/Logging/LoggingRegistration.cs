using Serilog;

namespace HeadacheInfo.Web.Logging;

public static class LoggingRegistration
{
    /// <summary>
    /// The logger that records a failed start, before configuration is read. A plain logger rather than
    /// Serilog's reloadable bootstrap logger: that one can be frozen only once per process, and test runs
    /// start many hosts in one process.
    /// </summary>
    public static Serilog.ILogger CreateStartupLogger() =>
        new LoggerConfiguration()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();

    /// <summary>Serilog, configured from the <c>Serilog</c> section, for everything the app logs.</summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        // Serilog writes the console itself; the default providers would print every line twice.
        builder.Logging.ClearProviders();

        // Each host builds its own logger and leaves the static Log alone, so hosts never share or freeze it;
        // writeToProviders lets other logging providers (such as a test's) see the same events.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Filter.ByExcluding(IsUnencryptedKeyNotice)
                .Enrich.With<ControlCharacterEscaper>(),
            preserveStaticLogger: true,
            writeToProviders: true);
        return builder;
    }

    /// <summary>
    /// Data Protection warns at every new key that it is stored unencrypted: on Linux there is nothing to encrypt it
    /// with but another secret on the same disk. The key ring's own folder (Site:Home's <c>keys/</c>, made 0700)
    /// is what protects it, so the warning would only teach operators to ignore warnings.
    /// </summary>
    private static bool IsUnencryptedKeyNotice(Serilog.Events.LogEvent logEvent) =>
        logEvent.Level == Serilog.Events.LogEventLevel.Warning &&
        logEvent.MessageTemplate.Text.StartsWith("No XML encryptor configured", StringComparison.Ordinal) &&
        logEvent.Properties.TryGetValue("SourceContext", out var source) &&
        source.ToString().Contains("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal);

    /// <summary>One line per request, through the host's own logger, with the method the client sent.</summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        // Nothing rewrites a request's method (routing answers 405 itself), so the line names what the client sent.
        var warmUp = app.Services.GetRequiredService<Caching.StartupWarmUp>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = logger;
            // The site's own requests at start are not readers': one line each would bury the start in the log.
            var level = options.GetLevel;
            options.GetLevel = (context, elapsed, error) =>
                warmUp.Sent(context) ? Serilog.Events.LogEventLevel.Verbose : level(context, elapsed, error);
        });
        return app;
    }
}
