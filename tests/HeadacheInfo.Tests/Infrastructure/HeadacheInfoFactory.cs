using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace HeadacheInfo.Tests.Infrastructure;

/// <summary>
/// The site, in the Production environment, serving a temporary content folder of its own. Test classes
/// take it as a class fixture, or subclass it to seed content.
/// </summary>
public class HeadacheInfoFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    public HeadacheInfoFactory()
    {
        Content = new TemporaryContentFolder();
        _settings["Content:Path"] = Content.Root;
        // A staff database of its own, beside the content folder but outside it (the watcher watches that).
        _settings["Data:Path"] = DataFolder;
    }

    public TemporaryContentFolder Content { get; }

    /// <summary>Where this site's SQLite staff database lives.</summary>
    public string DataFolder => Content.Root + ".data";

    public CapturedLogs Logs { get; } = new();

    /// <summary>Sets a configuration value; call before the first request.</summary>
    private readonly List<Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>> _services = [];

    /// <summary>Replaces services after the site registered its own: a real one wrapped to fail on demand, say.</summary>
    public HeadacheInfoFactory WithServices(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public HeadacheInfoFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>GETs a site-relative address with a new client; the caller disposes the response.</summary>
    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var client = CreateClient();
        return await client.GetAsync(new Uri(url, UriKind.Relative));
    }

    /// <summary>The antiforgery token of the symptom form, fetched with <paramref name="client"/> so its cookie is kept.</summary>
    public async Task<string> SymptomFormTokenAsync(HttpClient client)
    {
        var form = await GetPageAsync("/symptom-check", client);
        return form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    public async Task<IHtmlDocument> GetPageAsync(string url, HttpClient? client = null)
    {
        client ??= CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await ReadPageAsync(response);
    }

    public static async Task<IHtmlDocument> ReadPageAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlParser().ParseDocument(html);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Content.Dispose();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // Already gone, or still held for a moment; the temporary folder is cleaned by the system anyway.
            }
        }
    }
}
