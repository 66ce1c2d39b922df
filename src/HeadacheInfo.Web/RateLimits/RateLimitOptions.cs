namespace HeadacheInfo.Web.RateLimits;

/// <summary>The <c>RateLimiting:{Policy}</c> section of one limit: how many forms one client may send per window.</summary>
public sealed class RateLimitOptions
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}
