using System.Text.Json;
using HeadacheInfo.Web.Articles;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HeadacheInfo.Web.Health;

public static class HealthEndpoint
{
    public const string Route = "/healthz";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<ContentHealthCheck>(ContentHealthCheck.Name);
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

        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

/// <summary>The content snapshot's health: loaded, and the live reload neither failing nor stuck.</summary>
public sealed class ContentHealthCheck(ContentStore store, TimeProvider time) : IHealthCheck
{
    public const string Name = "content";
    public const string StatusKey = "status";
    public const string ArticlesKey = "articles";
    public const string ProblemsKey = "problems";
    public const string VersionKey = "contentVersion";

    /// <summary>A reload of thousands of files takes a few seconds; one running this long is stuck.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(30);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Evaluate(store.Current, store.Status, time.GetUtcNow()));

    public static HealthCheckResult Evaluate(ContentSnapshot snapshot, ReloadStatus status, DateTimeOffset now)
    {
        if (status.RunningSince is { } since && now - since > StuckAfter)
        {
            return Result(HealthStatus.Unhealthy, "unhealthy", snapshot,
                $"the content reload has been running for {(int)(now - since).TotalSeconds} s and is stuck; content changes are not being picked up");
        }

        if (status.LastFailure is { } failure)
        {
            return Result(HealthStatus.Unhealthy, "unhealthy", snapshot,
                $"the last content reload failed ({failure}); the content loaded before it is still served");
        }

        return snapshot.Version > 0
            ? Result(HealthStatus.Healthy, "healthy", snapshot, null)
            : Result(HealthStatus.Unhealthy, "starting", snapshot, "the content has not been loaded yet");
    }

    private static HealthCheckResult Result(HealthStatus health, string status, ContentSnapshot snapshot, string? reason) =>
        new(health, reason, data: new Dictionary<string, object>
        {
            [StatusKey] = status,
            [ArticlesKey] = snapshot.Articles.Length,
            [ProblemsKey] = snapshot.Problems.Length,
            [VersionKey] = snapshot.Version,
        });
}
