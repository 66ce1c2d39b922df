using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HeadacheInfo.Web.Health;

public static class HealthRegistration
{
    public const string Route = "/healthz";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<ContentHealthCheck>(ContentHealthCheck.Name)
            .AddCheck<StaffDatabaseHealthCheck>(StaffDatabaseHealthCheck.Name);
        return builder;
    }

    /// <summary>
    /// 200 with the number of articles once a content snapshot is loaded; 503, saying why, before that, when
    /// the last reload failed, or when a reload is stuck. For reading only: routing answers 405 to other methods.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(Route, new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteAsync,
        }).WithMetadata(new Microsoft.AspNetCore.Routing.HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var content = report.Entries[ContentHealthCheck.Name];
        var data = content.Data;
        var body = new Dictionary<string, object?>
        {
            ["status"] = data.GetValueOrDefault(ContentHealthCheck.StatusKey),
            ["articles"] = data.GetValueOrDefault(ContentHealthCheck.ArticlesKey),
            ["problems"] = data.GetValueOrDefault(ContentHealthCheck.ProblemsKey),
            ["contentVersion"] = data.GetValueOrDefault(ContentHealthCheck.VersionKey),
        };
        if (content.Status != HealthStatus.Healthy)
        {
            body["reason"] = content.Description;
        }

        // With PostgreSQL: the last log row this instance applied, and whether the database channel is live.
        if (report.Entries.TryGetValue(HeadacheInfo.Web.Staff.Publishing.PublishingHealthCheck.Name, out var publishing))
        {
            body["publishing"] = publishing.Data.GetValueOrDefault(HeadacheInfo.Web.Staff.Publishing.PublishingHealthCheck.StateKey);
            body["lastApplied"] = publishing.Data.GetValueOrDefault(HeadacheInfo.Web.Staff.Publishing.PublishingHealthCheck.LastAppliedKey);
            body["instance"] = publishing.Data.GetValueOrDefault(HeadacheInfo.Web.Staff.Publishing.PublishingHealthCheck.InstanceKey);
            if (publishing.Status != HealthStatus.Healthy)
            {
                body["status"] = "starting";
                body["reason"] = publishing.Description;
            }
            else if (content.Status == HealthStatus.Healthy &&
                     publishing.Data.GetValueOrDefault(HeadacheInfo.Web.Staff.Publishing.PublishingHealthCheck.StateKey) is "disconnected")
            {
                // Still 200: patients are served from this instance's folder. Publishing waits for the database.
                body["status"] = "degraded";
                body["reason"] = "The staff database cannot be reached: patients are served; staff work and publishing resume when it is back.";
            }
        }

        if (report.Entries.TryGetValue(StaffDatabaseHealthCheck.Name, out var staff))
        {
            body["staffDatabase"] = staff.Data.GetValueOrDefault(StaffDatabaseHealthCheck.StateKey);
            if (staff.Status != HealthStatus.Healthy && content.Status == HealthStatus.Healthy)
            {
                body["status"] = "starting";
                body["reason"] = staff.Description;
            }
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
