using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Health;

public static class HealthEndpoint
{
    public const string Route = "/healthz";

    /// <summary>200 with the number of articles once a content snapshot is loaded; 503 before that.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, (ContentStore store) =>
        {
            var snapshot = store.Current;
            return snapshot.Version > 0
                ? Results.Ok(new HealthReport("healthy", snapshot.Articles.Length, snapshot.Problems.Length, snapshot.Version))
                : Results.Json(new HealthReport("starting", 0, 0, 0), statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }

    private sealed record HealthReport(string Status, int Articles, int Problems, long ContentVersion);
}
