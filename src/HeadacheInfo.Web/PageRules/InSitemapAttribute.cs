namespace HeadacheInfo.Web.PageRules;

/// <summary>
/// Lists the page in <c>/sitemap.xml</c>, at its own route: the page says so itself, so a new page needs no
/// edit elsewhere. Pages with route parameters (an article) are listed from the content instead.
/// </summary>
/// <param name="order">Where it comes among the site's own pages (the home page first).</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class InSitemapAttribute(int order) : Attribute
{
    public int Order { get; } = order;
}
