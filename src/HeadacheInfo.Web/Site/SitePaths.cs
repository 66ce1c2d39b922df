namespace HeadacheInfo.Web.Site;

/// <summary>The site's addresses, written in code: articles and their pictures. The other pages' addresses are their own routes (<see cref="SitePages"/>).</summary>
public static class SitePaths
{
    public const string ArticlePrefix = "/articles/";
    public const string Images = "/images";

    public static string Article(string slug) => ArticlePrefix + slug;
}
