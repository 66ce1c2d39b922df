using System.ComponentModel.DataAnnotations;

namespace HeadacheInfo.Web.Site;

/// <summary>The <c>Site</c> section of configuration.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// The site's public address, such as https://headacheinfo.example, for canonical links and the sitemap.
    /// When set, requests for any other host are refused. Unset: the address each request came to.
    /// </summary>
    [Url(ErrorMessage = "Site:BaseUrl must be a full web address, such as https://headacheinfo.example.")]
    [RegularExpression("^https?://.*", ErrorMessage = "Site:BaseUrl must start with http:// or https://.")]
    public string? BaseUrl { get; set; }
}
