using HeadacheInfo.Web.Site;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Mail;

/// <summary>
/// Full addresses for links in mail, from <c>Email:LinkBaseUrl</c> or <c>Site:BaseUrl</c>: never from a
/// request, whose Host header its sender chose. Paths come from the pages' own routes.
/// </summary>
public sealed class MailLinks(IOptions<EmailOptions> email, IOptions<SiteOptions> site, LinkGenerator generator)
{
    private string Root => (string.IsNullOrWhiteSpace(email.Value.LinkBaseUrl) ? site.Value.BaseUrl ?? string.Empty : email.Value.LinkBaseUrl).TrimEnd('/');

    public string Review(long id) => Page("/Staff/Reviews/Review", new { id });

    public string Edit(string slug) => Page("/Staff/Articles/Edit", new { slug });

    public string History(string slug) => Page("/Staff/Articles/History", new { slug });

    public string Article(string slug) => Root + SitePaths.Article(slug);

    public string Account() => Page("/Staff/Account", null);

    /// <summary>The page an invitation or a forgotten password's link opens, with the account and its one-use token.</summary>
    public string ChoosePassword(string kind, string userId, string token) => Page("/Staff/ChoosePassword", new { kind, user = userId, token });

    public string SignIn() => Root + StaffPaths.SignIn;

    private string Page(string page, object? values) => Root + generator.GetPathByPage(page, handler: null, values);
}
