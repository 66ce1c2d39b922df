using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>The <c>RateLimiting:SymptomCheck</c> section: how many answers one client may send per window.</summary>
public sealed class SymptomCheckRateLimitOptions
{
    public const string Section = "RateLimiting:SymptomCheck";

    [Range(1, 100_000, ErrorMessage = "RateLimiting:SymptomCheck:PermitLimit must be between 1 and 100000.")]
    public int PermitLimit { get; set; } = 30;

    [Range(1, 3600, ErrorMessage = "RateLimiting:SymptomCheck:WindowSeconds must be between 1 and 3600.")]
    public int WindowSeconds { get; set; } = 60;
}

public static class SymptomCheckRateLimit
{
    public const string PolicyName = "symptom-check";

    /// <summary>
    /// Limits symptom answers (POSTs) per client address, so no one client can flood the form. Reading the
    /// form is never limited. A client over the limit gets 429 and the friendly "please wait" page.
    /// </summary>
    public static WebApplicationBuilder AddSymptomCheckRateLimit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SymptomCheckRateLimitOptions>()
            .BindConfiguration(SymptomCheckRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var window = context.HttpContext.RequestServices
                    .GetRequiredService<Microsoft.Extensions.Options.IOptions<SymptomCheckRateLimitOptions>>().Value.WindowSeconds;
                context.HttpContext.Response.Headers.RetryAfter = window.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(PolicyName, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var settings = context.RequestServices
                    .GetRequiredService<Microsoft.Extensions.Options.IOptions<SymptomCheckRateLimitOptions>>().Value;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                    QueueLimit = 0,
                });
            });
        });
        return builder;
    }
}
