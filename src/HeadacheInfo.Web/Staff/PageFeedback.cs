using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff;

/// <summary>"Was this page helpful?": storing answers, and what staff see of them.</summary>
public static partial class PageFeedback
{
    public const int MaxCommentLength = 500;
    public const string RateLimitPolicy = "feedback";
    public const int DaysShown = 90;

    /// <summary>A comment with anything that looks like an email address or a phone number taken out.</summary>
    public static string? Clean(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return null;
        }

        var cleaned = PhoneNumber().Replace(EmailAddress().Replace(comment.Trim(), "[removed]"), "[removed]");
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>Yes and no answers per article over the last <see cref="DaysShown"/> days.</summary>
    public static async Task<IReadOnlyDictionary<string, (int Yes, int No)>> CountsAsync(StaffDbContext database, DateOnly today)
    {
        var since = today.AddDays(-DaysShown);
        var rows = await database.ArticleFeedback.AsNoTracking().Where(f => f.On >= since)
            .GroupBy(f => new { f.Slug, f.Helpful }).Select(g => new { g.Key.Slug, g.Key.Helpful, Count = g.Count() }).ToListAsync();
        return rows.GroupBy(r => r.Slug).ToDictionary(
            g => g.Key,
            g => (g.Where(r => r.Helpful).Sum(r => r.Count), g.Where(r => !r.Helpful).Sum(r => r.Count)));
    }

    /// <summary>
    /// Anonymous answers are limited per client address (kept in memory only, never stored):
    /// <c>RateLimiting:Feedback:PermitLimit</c> a minute, 10 by default.
    /// </summary>
    public static IServiceCollection AddPageFeedbackRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(limiter => limiter.AddPolicy(RateLimitPolicy, context =>
            HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, context.RequestServices.GetRequiredService<IConfiguration>().GetValue("RateLimiting:Feedback:PermitLimit", 10)),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("read")));

    [GeneratedRegex(@"[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    // Seven or more digits, with the spaces, dashes, dots, brackets and + that phone numbers are written with.
    [GeneratedRegex(@"\+?\(?\d[\d\s\-.()]{5,}\d", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();
}
