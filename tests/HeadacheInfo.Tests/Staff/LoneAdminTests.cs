using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// A clinic with one admin has nobody to be the second: that admin may still make someone an admin, is told so
/// on the page, and the new admin is told by e-mail and at sign-in. A site of its own, so no other admin exists.
/// </summary>
public sealed class LoneAdminTests(LoneAdminTests.Site site) : IClassFixture<LoneAdminTests.Site>
{
    public sealed class Site : MailSite
    {
        public Site()
            : base(new TestSmtpServer(), DateTimeOffset.UtcNow)
        {
        }
    }

    [Fact]
    public async Task The_only_admin_may_make_someone_an_admin_at_once_and_is_told_why_and_the_new_admin_is_told_by_mail()
    {
        await StaffSeeding.AddAsync(site, "only-admin@clinic.example", StaffRoles.Admin);
        await StaffSeeding.AddAsync(site, "next-admin@clinic.example", StaffRoles.Reviewer);
        await StaffSeeding.AddAsync(site, "lone-author@clinic.example", StaffRoles.Author);
        using var admin = new StaffClient(site);
        (await admin.SignInAsync("only-admin@clinic.example", StaffSeeding.Password)).Dispose();
        var (_, setup) = await admin.GetAsync("/staff/authenticator");
        var key = setup.QuerySelector("[data-authenticator-key]")!.TextContent;
        (await admin.SubmitAsync(setup, "/staff/authenticator",
            new Dictionary<string, string> { ["Code"] = StaffClient.TotpCode(key, site.Clock.GetUtcNow()) })).Dispose();

        var (_, accounts) = await admin.GetAsync("/staff/accounts");
        var row = accounts.QuerySelector("tr[data-account='next-admin@clinic.example']")!;
        var form = row.QuerySelector<IHtmlFormElement>("form")!;
        using var promoted = await admin.Http.PostAsync(new Uri("/staff/accounts", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value),
            new("UserId", form.QuerySelector<IHtmlInputElement>("input[name=UserId]")!.Value),
            new("Role", StaffRoles.Admin),
            new("action", "role"),
        ]));
        var page = await HeadacheInfoFactory.ReadPageAsync(promoted);

        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(StaffRoles.Admin, page.QuerySelector("tr[data-account='next-admin@clinic.example']")?.GetAttribute("data-role"));
        Assert.Contains("only admin", page.QuerySelector("[data-accounts-message]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-pending-reset]"));
        // The page says beforehand, too, that with one admin a promotion needs nobody else.
        Assert.NotNull(accounts.QuerySelector("[data-lone-admin]"));

        // An author's reset is one admin's, as ever, and mails its owner.
        using var reset = await admin.Http.PostAsync(new Uri("/staff/accounts", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", page.QuerySelector<IHtmlInputElement>("tr[data-account='lone-author@clinic.example'] input[name=__RequestVerificationToken]")!.Value),
            new("UserId", page.QuerySelector<IHtmlInputElement>("tr[data-account='lone-author@clinic.example'] input[name=UserId]")!.Value),
            new("action", "reset-password"),
        ]));
        Assert.NotNull((await HeadacheInfoFactory.ReadPageAsync(reset)).QuerySelector("[data-one-time-password]"));

        await site.Services.GetRequiredService<MailDelivery>().RunOnceAsync();
        var mail = Assert.Single(site.Smtp.To("next-admin@clinic.example"));
        Assert.Contains("admin", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("only-admin (Admin)", mail.Text, StringComparison.Ordinal);
        Assert.Single(site.Smtp.To("lone-author@clinic.example"));
    }
}
