using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.RateLimits;

public static class RateLimitRegistration
{
    /// <summary>Every limit in <see cref="RateLimitPolicy.All"/>, each with its settings checked at start and its own 429.</summary>
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        foreach (var policy in RateLimitPolicy.All)
        {
            builder.Services.AddOptions<RateLimitOptions>(policy.Name)
                .Configure(options => (options.PermitLimit, options.WindowSeconds) = (policy.PermitLimit, policy.WindowSeconds))
                .BindConfiguration(policy.Section)
                .Validate(options => options.PermitLimit is >= 1 and <= 100_000, $"{policy.Section}:PermitLimit must be between 1 and 100000.")
                .Validate(options => options.WindowSeconds is >= 1 and <= 3600, $"{policy.Section}:WindowSeconds must be between 1 and 3600.")
                .ValidateOnStart();
        }

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            foreach (var policy in RateLimitPolicy.All)
            {
                limiter.AddPolicy(policy.Name, new ClientFormLimit(policy.Name, policy.CountsReads));
            }
        });
        return builder;
    }

    /// <summary>Form posts (and reads, for a policy that counts them) per client address in a fixed window; over the limit, 429 saying when to try again.</summary>
    private sealed class ClientFormLimit(string name, bool countsReads) : IRateLimiterPolicy<string>
    {
        private RateLimitOptions Settings(HttpContext context) =>
            context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().Get(name);

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => Reject;

        private ValueTask Reject(OnRejectedContext context, CancellationToken cancellationToken)
        {
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                : Settings(context.HttpContext).WindowSeconds;
            context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.HttpContext.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        }

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            // A read counts only when it asks for something (a search with words): the bare page is answered
            // from memory, and is what the site's own warm-up asks for.
            var counted = HttpMethods.IsPost(httpContext.Request.Method) || (countsReads && httpContext.Request.QueryString.HasValue);
            if (!counted)
            {
                return RateLimitPartition.GetNoLimiter("read");
            }

            var settings = Settings(httpContext);
            return RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitLimit,
                Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                QueueLimit = 0,
            });
        }
    }
}
