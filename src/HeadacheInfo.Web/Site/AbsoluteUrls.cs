using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Site;

/// <summary>Turns site paths into full addresses, from <c>Site:BaseUrl</c> or else the request's own host.</summary>
public sealed class AbsoluteUrls(IOptions<SiteOptions> options)
{
    public string For(HttpRequest request, string path)
    {
        var root = string.IsNullOrWhiteSpace(options.Value.BaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.Value.BaseUrl;
        return root.TrimEnd('/') + (path.StartsWith('/') ? path : "/" + path);
    }
}
