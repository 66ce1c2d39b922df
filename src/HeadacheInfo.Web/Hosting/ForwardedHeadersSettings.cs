namespace HeadacheInfo.Web.Hosting;

/// <summary>The <c>ForwardedHeaders</c> section.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are trusted.</summary>
    public List<string> KnownProxies { get; set; } = [];
}
