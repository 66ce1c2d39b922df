using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Search;

public static class SearchRegistration
{
    /// <summary>Site search: an index built with each content snapshot.</summary>
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISnapshotPart, SearchIndexPart>();
        return builder;
    }
}
