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
        builder.Services.AddSingleton<HealthHistory>();
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
        }

        // Patients are still served without the staff database, so the status code stays; the body says so.
        if (report.Entries.TryGetValue(StaffDatabaseHealthCheck.Name, out var staff))
        {
            var state = staff.Data.GetValueOrDefault(StaffDatabaseHealthCheck.StateKey);
            body["staffDatabase"] = state;
            if (state is "unavailable")
            {
                body["status"] = "degraded";
                body["reason"] = staff.Description;
            }
            else if (staff.Status != HealthStatus.Healthy && content.Status == HealthStatus.Healthy)
            {
                body["status"] = "starting";
                body["reason"] = staff.Description;
            }
        }

        if (report.Status == HealthStatus.Healthy)
        {
            context.RequestServices.GetRequiredService<HealthHistory>().Healthy();
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
