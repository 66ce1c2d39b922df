using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Articles;

public static class ArticlesRegistration
{
    /// <summary>The content model: options, the Markdown pipeline, loading, the live snapshot and its watcher.</summary>
    public static WebApplicationBuilder AddArticles(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ContentOptions>, ContentOptionsValidator>();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(ArticleMarkdown.CreatePipeline());
        builder.Services.AddSingleton<ArticleParser>();
        builder.Services.AddSingleton<ContentLoader>();
        builder.Services.AddSingleton<ContentStore>();
        builder.Services.AddHostedService<ContentWatcher>();
        return builder;
    }
}
