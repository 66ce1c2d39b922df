using Microsoft.Extensions.DependencyInjection.Extensions;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Site;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Articles;

public static class ArticlesRegistration
{
    public const string ContentImagesFolder = "images";

    /// <summary>The content model: options, the Markdown pipeline, loading, the live snapshot and its watcher.</summary>
    public static WebApplicationBuilder AddArticles(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ContentOptions>, ContentOptionsValidator>();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new Pictures.PictureSizeLookup(
            Path.Combine(services.GetRequiredService<IOptions<ContentOptions>>().Value.FullPath, ContentImagesFolder)));
        builder.Services.AddSingleton(services => ArticleMarkdown.CreatePipeline(
            services.GetRequiredService<IOptions<ClinicOptions>>().Value, services.GetRequiredService<Pictures.PictureSizeLookup>().Find));
        builder.Services.AddSingleton<ArticleParser>();
        builder.Services.AddSingleton<ContentLoader>();
        builder.Services.AddSingleton<ContentStore>();
        builder.Services.TryAddSingleton(ContentWatcherTimings.Default);
        builder.Services.AddHostedService<ContentWatcher>();
        return builder;
    }

    /// <summary>Pins the current snapshot to each request, so all of one answer comes from one version of the content.</summary>
    public static WebApplication UseOneContentSnapshotPerRequest(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<ContentStore>();
        app.Use((context, next) =>
        {
            ContentStore.Pin(context, store.Current);
            return next(context);
        });
        return app;
    }

    /// <summary>Serves the content folder's <c>images/</c> at <c>/images</c>.</summary>
    public static WebApplication UseContentImages(this WebApplication app)
    {
        var images = Path.Combine(app.Services.GetRequiredService<IOptions<ContentOptions>>().Value.FullPath, ContentImagesFolder);
        try
        {
            // Made now if missing, so the first picture an approval writes is served without a restart.
            Directory.CreateDirectory(images);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only content folder: nothing can be approved into it either.
        }

        if (Directory.Exists(images))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(images),
                RequestPath = SitePaths.Images,
            });
        }

        return app;
    }
}
