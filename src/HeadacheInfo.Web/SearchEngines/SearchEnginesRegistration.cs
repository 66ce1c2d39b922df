using System.Xml.Linq;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Site;

namespace HeadacheInfo.Web.SearchEngines;

public static class SearchEnginesRegistration
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary><c>/sitemap.xml</c> (every published article and the main pages) and <c>/robots.txt</c>.</summary>
    public static IEndpointRouteBuilder MapSearchEngineFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/sitemap.xml", GetAndHead, (HttpContext context, AbsoluteUrls urls, EndpointDataSource routes) =>
        {
            var request = context.Request;
            var snapshot = ContentStore.For(context);
            var pages = SitemapPages(routes)
                .Select(path => Url(urls.For(request, path) ?? path, lastModified: null))
                .Concat(snapshot.Articles
                    .Where(article => !article.FrontMatter.Draft)
                    .Select(article => Url(urls.For(request, SitePaths.Article(article.Slug)) ?? SitePaths.Article(article.Slug), article.FrontMatter.LastReviewed)));
            var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Sitemap + "urlset", pages));
            return Results.Text(document.Declaration + "\n" + document.Root, "application/xml; charset=utf-8");
        }).WithMetadata(new ContentPageAttribute());

        endpoints.MapMethods("/robots.txt", GetAndHead, (HttpRequest request, AbsoluteUrls urls) =>
            Results.Text($"User-agent: *\nDisallow: /staff\nAllow: /\n\nSitemap: {urls.For(request, "/sitemap.xml") ?? "/sitemap.xml"}\n", "text/plain; charset=utf-8"))
            .WithMetadata(new ContentPageAttribute());
        return endpoints;
    }

    /// <summary>The pages marked <see cref="InSitemapAttribute"/>, at the routes the endpoints themselves answer.</summary>
    private static IEnumerable<string> SitemapPages(EndpointDataSource routes) =>
        PageRoutes.Addressed(routes)
            .Select(endpoint => (Path: PageRoutes.PathOf(endpoint.RoutePattern), Mark: endpoint.Metadata.GetMetadata<InSitemapAttribute>()))
            .Where(page => page.Mark is not null && page.Path is not null)
            .Select(page => (Path: page.Path!, page.Mark!.Order))
            .DistinctBy(page => page.Path)
            .OrderBy(page => page.Order)
            .Select(page => page.Path);

    private static XElement Url(string location, DateOnly? lastModified) =>
        new(Sitemap + "url",
            new XElement(Sitemap + "loc", location),
            lastModified is { } date ? new XElement(Sitemap + "lastmod", date.Iso()) : null);
}
