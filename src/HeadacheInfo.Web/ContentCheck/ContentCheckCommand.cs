using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.ContentCheck;

/// <summary>
/// <c>dotnet run --project src/HeadacheInfo.Web -- check-content [path]</c>: checks a content folder and
/// prints a report. Exit code 0 when there are no errors, 1 when there are.
/// </summary>
public static class ContentCheckCommand
{
    public const string Name = "check-content";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    public static int Run(string[] args, TextWriter output)
    {
        // The folder, if given, is the first argument that is not a --setting (or its value).
        var rest = args[1..];
        var path = rest.Length > 0 && !rest[0].StartsWith("--", StringComparison.Ordinal) ? rest[0] : null;
        var settings = path is null ? rest : rest[1..];

        // The same configuration and services as the site, so the folder is read exactly as the site reads it.
        var builder = WebApplication.CreateBuilder(settings);
        builder.Logging.ClearProviders();
        builder.AddClinic();
        builder.AddArticles();
        builder.Services.AddSingleton(services => new ContentChecker(
            services.GetRequiredService<ContentLoader>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IOptions<ClinicOptions>>().Value));
        using var app = builder.Build();

        var contentRoot = path is null
            ? app.Services.GetRequiredService<IOptions<ContentOptions>>().Value.FullPath
            : Path.GetFullPath(path);
        if (!Directory.Exists(contentRoot))
        {
            output.WriteLine($"The content folder '{contentRoot}' does not exist.");
            output.WriteLine("Checked 0 files: 1 error, 0 warnings.");
            return 1;
        }

        var report = app.Services.GetRequiredService<ContentChecker>().Check(contentRoot);
        ContentCheckReportWriter.Write(report, output);
        return report.Errors > 0 ? 1 : 0;
    }
}
