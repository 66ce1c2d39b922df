using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Backups;
using HeadacheInfo.Web.Caching;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Feedback;
using HeadacheInfo.Web.Health;
using HeadacheInfo.Web.Hosting;
using HeadacheInfo.Web.Insights;
using HeadacheInfo.Web.Logging;
using HeadacheInfo.Web.Mirror;
using HeadacheInfo.Web.RateLimits;
using HeadacheInfo.Web.Search;
using HeadacheInfo.Web.SearchEngines;
using HeadacheInfo.Web.Security;
using HeadacheInfo.Web.Site;
using HeadacheInfo.Web.Staff;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Publishing;
using HeadacheInfo.Web.Staff.SiteSettings;
using HeadacheInfo.Web.SymptomCheck;
using Microsoft.Extensions.Options;

if (ContentCheckCommand.IsRequested(args))
{
    return ContentCheckCommand.Run(args, Console.Out);
}

if (AddStaffCommand.IsRequested(args))
{
    return await AddStaffCommand.RunAsync(args, Console.In, Console.Out);
}

if (ResetStaffCommand.IsRequested(args))
{
    return await ResetStaffCommand.RunAsync(args, Console.Out);
}

if (ContentLogCommands.IsRequested(args))
{
    return await ContentLogCommands.RunAsync(args, Console.Out, Console.Error);
}

if (BackupCommands.IsRequested(args))
{
    return await BackupCommands.RunAsync(args, Console.Out, Console.Error);
}

if (CommandWords.Unknown(args) is { } unknown)
{
    return CommandWords.ReportUnknown(unknown, Console.Error);
}

var startupLogger = LoggingRegistration.CreateStartupLogger();
try
{
    var (siteArgs, contentRootProblem) = ContentRootArgument.Resolve(args);
    if (contentRootProblem is not null)
    {
        startupLogger.Fatal("HeadacheInfo could not start: {Reason}", contentRootProblem);
        return 1;
    }

    var builder = WebApplication.CreateBuilder(siteArgs);
    builder.AddLogging();
    builder.AddSiteHome();
    builder.AddClinic();
    builder.AddSecurity();
    builder.AddArticles();
    builder.AddSiteSettings();
    builder.AddSearch();
    builder.AddSite();
    builder.AddRateLimits();
    builder.AddHosting();
    builder.AddSymptomCheck();
    builder.AddCaching();
    builder.AddStaticMirror();
    builder.AddHealth();
    builder.AddStaff();
    builder.AddFeedback();
    builder.AddInsights();

    var app = builder.Build();
    // Order matters: client address and scheme first (logging, rate limits and HSTS need them), one content
    // version per request, then pre-rendered pages answered from memory: they are rendered through every step
    // after theirs (which the pre-renderer is handed here), so they carry those steps' headers already.
    app.UseTrustedForwardedHeaders();
    app.UseRequestLogging();
    app.UseOneContentSnapshotPerRequest();
    app.UsePrerenderedPages();
    app.UseSecurityHeaders();
    app.UseFriendlyErrorPages();
    app.UsePageCompression();
    app.UseStaticFiles(CachingRegistration.StaticFileOptions());
    app.UseContentImages();
    // After routing, every rule below reads the page's own metadata.
    app.UseRouting();
    app.UseStaffResponsesNeverStored();
    app.UseRequestGuard();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();
    app.UsePageReadCounting();
    app.UsePageCaching();
    app.MapRazorPages();
    app.MapHealth();
    app.MapSearchEngineFiles();
    app.MapSiteTheme();

    app.Run();
    // Non-zero when the site stopped itself, such as when the staff database could not be used.
    return Environment.ExitCode;
}
catch (OptionsValidationException ex)
{
    // A bad setting: the message names the key, and a stack trace would only hide it.
    startupLogger.Fatal("HeadacheInfo could not start: {Reason}", ex.Message);
    return 1;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    startupLogger.Fatal(ex, "HeadacheInfo could not start: {Reason}", ex.Message);
    return 1;
}
finally
{
    (startupLogger as IDisposable)?.Dispose();
}

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
