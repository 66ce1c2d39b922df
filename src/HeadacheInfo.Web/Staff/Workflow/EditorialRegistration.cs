using HeadacheInfo.Web.Staff.Publishing;
using HeadacheInfo.Web.Articles;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Workflow;

public static class EditorialRegistration
{
    /// <summary>
    /// The editorial workflow: the reads (<see cref="ArticleQueries"/>), the actions, each run by
    /// <see cref="ArticleActionRunner"/> as a transition of the library's <see cref="EditorialState"/>, the
    /// dashboard worked out per content snapshot, pictures, and publishing at a scheduled time.
    /// </summary>
    public static WebApplicationBuilder AddEditorial(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISnapshotPart, StaffDashboardPart>();
        builder.Services.AddOptions<ReviewOptions>()
            .BindConfiguration(ContentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<ArticleQueries>();
        builder.Services.AddScoped<DraftEditing>();
        builder.Services.AddScoped<ArticleActions>();
        builder.Services.AddScoped<ScheduledPublishing>();
        builder.Services.AddScoped<PictureUploads>();
        builder.Services.AddScoped<OutsideEdits>();
        builder.Services.AddScoped<IFolderEditRecorder>(services => services.GetRequiredService<OutsideEdits>());
        builder.Services.AddScoped<ReleaseTextOffers>();
        builder.Services.AddHostedService<OutsideEditRecorder>();
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
