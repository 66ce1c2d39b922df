using HeadacheInfo.Web.Articles;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Workflow;

public static class ArticleWorkflowRegistration
{
    /// <summary>
    /// The editorial workflow: drafts, reviews and sign-off in one service, the dashboard worked out per
    /// content snapshot, pictures, and publishing at a scheduled time.
    /// </summary>
    public static WebApplicationBuilder AddArticleWorkflow(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISnapshotPart, StaffDashboardPart>();
        builder.Services.AddOptions<ReviewOptions>()
            .BindConfiguration(ContentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<ArticleWorkflow>();
        builder.Services.AddScoped<ArticleStateRows>();
        builder.Services.AddScoped<ArticleActionRunner>();
        builder.Services.AddScoped<PublishedPictures>();
        builder.Services.AddScoped<StaffWorkQueries>();
        builder.Services.AddSingleton<ArticleLocks>();
        builder.Services.AddSingleton<DraftRenderCache>();
        builder.Services.AddSingleton<IArticleFileStore>(services =>
            new ArticleFileStore(services.GetRequiredService<IOptions<ContentOptions>>().Value.FullPath));
        builder.Services.AddSingleton(services =>
            new ContentImages(services.GetRequiredService<IOptions<ContentOptions>>().Value.FullPath));
        builder.Services.AddScoped<PictureCatalogue>();
        builder.Services.AddSingleton<ScheduledPublisher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ScheduledPublisher>());
        builder.Services.AddScoped<SinceLastSignInQuery>();
        return builder;
    }
}
