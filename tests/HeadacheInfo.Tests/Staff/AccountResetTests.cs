using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// No admin can take over someone else's account unseen: a reset of another person's password or two-step
/// sign-in e-mails the owner, tells them at their next sign-in who did it and when, shows on the accounts page
/// and is audited naming both; resetting another admin needs a second admin to confirm it.
/// </summary>
public sealed class AccountResetTests(AccountResetTests.Site site) : IClassFixture<AccountResetTests.Site>
{
    public sealed class Site : MailSite
    {
        public Site()
            : base(new TestSmtpServer(), DateTimeOffset.UtcNow)
        {
        }
    }

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The day and the time of the site's clock now, as the clinic reads them (its clock stands still in these tests).</summary>
    private (string Day, string Time) ClinicNow()
    {
        var local = TimeZoneInfo.ConvertTime(site.Clock.GetUtcNow(), London);
        return (local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>A new admin, signed in with two-step sign-in set up, by the site's own clock.</summary>
    private async Task<StaffClient> AdminAsync(string email)
    {
        await StaffSeeding.AddAsync(site, email, StaffRoles.Admin);
        var admin = new StaffClient(site);
        (await admin.SignInAsync(email, StaffSeeding.Password)).Dispose();
        var (_, setup) = await admin.GetAsync("/staff/authenticator");
        var key = setup.QuerySelector("[data-authenticator-key]")!.TextContent;
        using var on = await admin.SubmitAsync(setup, "/staff/authenticator",
            new Dictionary<string, string> { ["Code"] = StaffClient.TotpCode(key, site.Clock.GetUtcNow()) });
        Assert.NotNull((await HeadacheInfoFactory.ReadPageAsync(on)).QuerySelector("[data-recovery-codes]"));
        return admin;
    }

    /// <summary>Presses a button in the form inside <paramref name="scope"/>, sending what that form holds, as a browser does.</summary>
    private static Task<HttpResponseMessage> PressAsync(StaffClient client, IElement scope, string button, string url = "/staff/accounts")
    {
        var form = scope.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.QuerySelector($"button[value='{button}']") is not null);
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[name]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(form.QuerySelectorAll<IHtmlSelectElement>("select[name]").Select(s => new KeyValuePair<string, string>(s.Name!, s.Value ?? string.Empty)))
            .Append(new("action", button)).ToList();
        return client.Http.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <param name="role">The role chosen in the row's list before pressing, as a person would.</param>
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PressOnRowAsync(StaffClient admin, string account, string button, string? role = null)
    {
        var (_, accounts) = await admin.GetAsync("/staff/accounts");
        var row = accounts.QuerySelector($"tr[data-account='{account}']")!;
        if (role is not null)
        {
            row.QuerySelector<IHtmlSelectElement>("select[name=Role]")!.Value = role;
        }

        var response = await PressAsync(admin, row, button);
        return (response, await HeadacheInfoFactory.ReadPageAsync(response));
    }

    private Task<int> DeliverAsync() => site.Services.GetRequiredService<MailDelivery>().RunOnceAsync();

    [Fact]
    public async Task Resetting_a_reviewer_s_password_mails_the_owner_at_once_naming_who_did_it_and_when()
    {
        using var admin = await AdminAsync("mailing-admin@clinic.example");
        await StaffSeeding.AddAsync(site, "mailed-reviewer@clinic.example", StaffRoles.Reviewer);

        var (_, page) = await PressOnRowAsync(admin, "mailed-reviewer@clinic.example", "reset-password");
        await DeliverAsync();

        Assert.NotNull(page.QuerySelector("[data-one-time-password]"));
        var mail = Assert.Single(site.Smtp.To("mailed-reviewer@clinic.example"));
        Assert.Equal("Your HeadacheInfo staff password was reset", mail.Subject);
        var (day, time) = ClinicNow();
        Assert.Contains("mailing-admin (Admin)", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"{day} at {time}", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Europe/London", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelector("[data-one-time-password]")!.TextContent, mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_is_told_at_their_next_sign_in_who_reset_their_password_and_when_until_they_say_they_have_seen_it()
    {
        using var admin = await AdminAsync("telling-admin@clinic.example");
        await StaffSeeding.AddAsync(site, "told-author@clinic.example", StaffRoles.Author);
        var (_, reset) = await PressOnRowAsync(admin, "told-author@clinic.example", "reset-password");
        var oneTime = reset.QuerySelector("[data-one-time-password]")!.TextContent;

        using var owner = new StaffClient(site);
        (await owner.SignInAsync("told-author@clinic.example", oneTime)).Dispose();
        var (_, changePage) = await owner.GetAsync("/staff/change-password");
        var notice = changePage.QuerySelector("[data-account-reset-notice]");
        Assert.NotNull(notice);
        var (day, time) = ClinicNow();
        Assert.Contains("telling-admin (Admin)", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{day} at {time}", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("password", notice.TextContent, StringComparison.Ordinal);

        using var changed = await owner.SubmitAsync(changePage, "/staff/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = oneTime,
            ["NewPassword"] = "a brand new passphrase",
        });
        var (_, dashboard) = await owner.GetAsync("/staff");
        var stillThere = dashboard.QuerySelector("[data-account-reset-notice]");
        Assert.NotNull(stillThere);
        using var seen = await PressAsync(owner, stillThere, "acknowledge-reset", "/staff/account");
        Assert.Equal(HttpStatusCode.Redirect, seen.StatusCode);

        var (_, after) = await owner.GetAsync("/staff");
        Assert.Null(after.QuerySelector("[data-account-reset-notice]"));
        // Their own account page keeps the record, so a notice dismissed by someone else does not hide it.
        var (_, account) = await owner.GetAsync("/staff/account");
        Assert.Contains("telling-admin (Admin)", account.QuerySelector("[data-account-resets]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_accounts_page_shows_who_reset_an_account_and_when_and_the_audit_names_both()
    {
        using var admin = await AdminAsync("shown-admin@clinic.example");
        await StaffSeeding.AddAsync(site, "shown-reviewer@clinic.example", StaffRoles.Reviewer);
        await StaffSeeding.AddAsync(site, "shown-author@clinic.example", StaffRoles.Author);
        (await PressOnRowAsync(admin, "shown-reviewer@clinic.example", "reset-password")).Response.Dispose();

        var (_, accounts) = await admin.GetAsync("/staff/accounts");
        var shown = accounts.QuerySelector("tr[data-account='shown-reviewer@clinic.example'] [data-last-reset]")?.TextContent;
        Assert.Contains("Password reset by shown-admin (Admin) on " + ClinicNow().Day, shown, StringComparison.Ordinal);
        Assert.Null(accounts.QuerySelector("tr[data-account='shown-author@clinic.example'] [data-last-reset]"));

        var (_, audit) = await admin.GetAsync("/staff/audit?account=shown-admin@clinic.example");
        Assert.Contains(audit.QuerySelectorAll("tr[data-event='account-changed']"), row =>
            row.QuerySelector("[data-actor]")!.TextContent == "shown-admin@clinic.example" &&
            row.TextContent.Contains("reset the password of shown-reviewer@clinic.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resetting_another_admin_s_password_waits_until_a_second_admin_confirms_it_and_the_one_who_asked_cannot()
    {
        using var asking = await AdminAsync("asking-admin@clinic.example");
        using var target = await AdminAsync("target-admin@clinic.example");
        using var second = await AdminAsync("second-admin@clinic.example");

        var (_, requested) = await PressOnRowAsync(asking, "target-admin@clinic.example", "reset-password");
        Assert.Null(requested.QuerySelector("[data-one-time-password]"));
        Assert.Contains("second admin", requested.QuerySelector("[data-accounts-message]")?.TextContent, StringComparison.Ordinal);
        await DeliverAsync();

        // Nothing happened yet: the owner's session goes on, and no mail says it was reset.
        var (stillIn, _) = await target.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Empty(site.Smtp.To("target-admin@clinic.example"));

        // The one who asked sees the request but may not confirm it, even by posting the button themselves.
        var (_, askersPage) = await asking.GetAsync("/staff/accounts");
        var pending = askersPage.QuerySelector("[data-pending-reset][data-account='target-admin@clinic.example']");
        Assert.NotNull(pending);
        Assert.Null(pending.QuerySelector("button[value='confirm-reset']"));
        var (_, secondsPage) = await second.GetAsync("/staff/accounts");
        var confirmable = secondsPage.QuerySelector("[data-pending-reset][data-account='target-admin@clinic.example']")!;
        // The request names both people by name and title, not by address.
        Assert.StartsWith("asking-admin (Admin) asked on", confirmable.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("target-admin (Admin)", confirmable.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("@clinic.example", confirmable.TextContent, StringComparison.Ordinal);
        var resetId = confirmable.QuerySelector("input[name=ResetId]")!.GetAttribute("value")!;
        using var ownConfirm = await asking.Http.PostAsync(new Uri("/staff/accounts", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", askersPage.QuerySelector("tr[data-account='target-admin@clinic.example'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("ResetId", resetId),
            new("action", "confirm-reset"),
        ]));
        Assert.Equal(HttpStatusCode.Forbidden, ownConfirm.StatusCode);
        var (stillInAfter, _) = await target.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, stillInAfter.StatusCode);

        using var confirmed = await PressAsync(second, confirmable, "confirm-reset");
        var done = await HeadacheInfoFactory.ReadPageAsync(confirmed);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.NotNull(done.QuerySelector("[data-one-time-password]"));
        var (endedSession, _) = await target.GetAsync("/staff");
        Assert.NotEqual(HttpStatusCode.OK, endedSession.StatusCode);
        await DeliverAsync();
        var mail = Assert.Single(site.Smtp.To("target-admin@clinic.example"));
        Assert.Contains("asking-admin (Admin)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("second-admin (Admin)", mail.Text, StringComparison.Ordinal);

        var (_, audit) = await second.GetAsync("/staff/audit");
        Assert.Contains(audit.QuerySelectorAll("tr[data-event='account-reset-requested']"), row =>
            row.QuerySelector("[data-actor]")!.TextContent == "asking-admin@clinic.example" && row.TextContent.Contains("target-admin@clinic.example", StringComparison.Ordinal));
        Assert.Contains(audit.QuerySelectorAll("tr[data-event='account-reset-confirmed']"), row =>
            row.QuerySelector("[data-actor]")!.TextContent == "second-admin@clinic.example" && row.TextContent.Contains("target-admin@clinic.example", StringComparison.Ordinal));
        // Confirmed once: it is done, and cannot be confirmed again.
        var (_, afterwards) = await second.GetAsync("/staff/accounts");
        Assert.Null(afterwards.QuerySelector("[data-pending-reset][data-account='target-admin@clinic.example']"));
    }

    [Fact]
    public async Task An_admin_cannot_confirm_their_own_request_through_an_admin_account_they_made()
    {
        using var asking = await AdminAsync("maker-admin@clinic.example");
        using var target = await AdminAsync("made-target-admin@clinic.example");
        using var added = await asking.SubmitAsync("/staff/accounts", new Dictionary<string, string>
        {
            ["DisplayName"] = "Puppet",
            ["Email"] = "puppet-admin@clinic.example",
            ["Role"] = StaffRoles.Admin,
        }, "add");
        var oneTime = (await HeadacheInfoFactory.ReadPageAsync(added)).QuerySelector("[data-one-time-password]")!.TextContent;
        using var puppet = new StaffClient(site);
        (await puppet.SignInAsync("puppet-admin@clinic.example", oneTime)).Dispose();
        (await puppet.SubmitAsync("/staff/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = oneTime,
            ["NewPassword"] = "a puppet's own passphrase",
        })).Dispose();
        (await PressOnRowAsync(asking, "made-target-admin@clinic.example", "reset-password")).Response.Dispose();
        var (_, askersPage) = await asking.GetAsync("/staff/accounts");
        var resetId = askersPage.QuerySelector("[data-pending-reset][data-account='made-target-admin@clinic.example']")!.GetAttribute("data-pending-reset")!;

        // The account it made is not an admin at all until a second admin says so: it cannot even open the page.
        var (opened, _) = await puppet.GetAsync("/staff/accounts");
        Assert.Equal(HttpStatusCode.Forbidden, opened.StatusCode);
        var (_, own) = await puppet.GetAsync("/staff/account");
        using var confirmed = await puppet.Http.PostAsync(new Uri("/staff/accounts", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", own.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("ResetId", resetId),
            new("action", "confirm-reset"),
        ]));

        Assert.Equal(HttpStatusCode.Forbidden, confirmed.StatusCode);
        var (stillIn, _) = await target.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Fact]
    public async Task Demoting_another_admin_waits_for_a_second_admin_so_one_admin_cannot_demote_reset_and_promote_back()
    {
        using var attacker = await AdminAsync("demoting-admin@clinic.example");
        using var target = await AdminAsync("demoted-target-admin@clinic.example");
        using var bystander = await AdminAsync("bystanding-admin@clinic.example");

        var (demote, demoted) = await PressOnRowAsync(attacker, "demoted-target-admin@clinic.example", "role", role: StaffRoles.Author);
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Contains("second admin", demoted.QuerySelector("[data-accounts-message]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(StaffRoles.Admin, demoted.QuerySelector("tr[data-account='demoted-target-admin@clinic.example']")?.GetAttribute("data-role"));

        // Still an admin, so the resets wait too: no one-time password, nothing changed.
        var (_, reset) = await PressOnRowAsync(attacker, "demoted-target-admin@clinic.example", "reset-password");
        Assert.Null(reset.QuerySelector("[data-one-time-password]"));
        var (_, twoStep) = await PressOnRowAsync(attacker, "demoted-target-admin@clinic.example", "reset-two-factor");
        Assert.Equal("On", twoStep.QuerySelector("tr[data-account='demoted-target-admin@clinic.example'] [data-two-factor]")?.TextContent);
        var (stillIn, _) = await target.GetAsync("/staff/accounts");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        // The bystander sees the request named for what it is.
        var (_, page) = await bystander.GetAsync("/staff/accounts");
        var pending = page.QuerySelector($"[data-pending-reset][data-account='demoted-target-admin@clinic.example'][data-kind='{AccountResetKinds.Role(StaffRoles.Author)}']");
        Assert.NotNull(pending);
        Assert.Contains("author", pending.QuerySelector("button[value='confirm-reset']")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_an_admin_in_the_browser_waits_for_a_second_admin_so_a_chain_of_made_admins_cannot_begin()
    {
        using var admin1 = await AdminAsync("chain-admin1@clinic.example");
        using var admin2 = await AdminAsync("chain-admin2@clinic.example");
        using var added = await admin1.SubmitAsync("/staff/accounts", new Dictionary<string, string>
        {
            ["DisplayName"] = "X one",
            ["Email"] = "chain-x1@clinic.example",
            ["Role"] = StaffRoles.Admin,
        }, "add");
        var page = await HeadacheInfoFactory.ReadPageAsync(added);
        Assert.Contains("second admin", page.QuerySelector("[data-accounts-message]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(StaffRoles.Author, page.QuerySelector("tr[data-account='chain-x1@clinic.example']")?.GetAttribute("data-role"));
        Assert.NotNull(page.QuerySelector($"[data-pending-reset][data-account='chain-x1@clinic.example'][data-kind='{AccountResetKinds.Role(StaffRoles.Admin)}']"));

        var oneTime = page.QuerySelector("[data-one-time-password]")!.TextContent;
        using var x1 = new StaffClient(site);
        (await x1.SignInAsync("chain-x1@clinic.example", oneTime)).Dispose();
        (await x1.SubmitAsync("/staff/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = oneTime,
            ["NewPassword"] = "x one's own passphrase",
        })).Dispose();
        var (_, own) = await x1.GetAsync("/staff/account");
        using var addsY1 = await x1.Http.PostAsync(new Uri("/staff/accounts", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", own.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("action", "add"),
            new("DisplayName", "Y one"),
            new("Email", "chain-y1@clinic.example"),
            new("Role", StaffRoles.Admin),
        ]));
        Assert.Equal(HttpStatusCode.Forbidden, addsY1.StatusCode);
        var (_, accounts) = await admin2.GetAsync("/staff/accounts");
        Assert.Null(accounts.QuerySelector("tr[data-account='chain-y1@clinic.example']"));
    }

    [Fact]
    public async Task A_promotion_to_admin_waits_for_a_second_admin_then_takes_effect_and_the_owner_is_told()
    {
        using var asking = await AdminAsync("promoting-admin@clinic.example");
        using var second = await AdminAsync("promotion-confirmer@clinic.example");
        using var promoted = await StaffSeeding.SignedInAsync(site, "promoted-reviewer@clinic.example", StaffRoles.Reviewer);

        var (_, requested) = await PressOnRowAsync(asking, "promoted-reviewer@clinic.example", "role", role: StaffRoles.Admin);
        Assert.Contains("second admin", requested.QuerySelector("[data-accounts-message]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(StaffRoles.Reviewer, requested.QuerySelector("tr[data-account='promoted-reviewer@clinic.example']")?.GetAttribute("data-role"));
        var kind = AccountResetKinds.Role(StaffRoles.Admin);
        var pending = requested.QuerySelector($"[data-pending-reset][data-account='promoted-reviewer@clinic.example'][data-kind='{kind}']")!;
        Assert.Null(pending.QuerySelector("button[value='confirm-reset']"));
        var resetId = pending.GetAttribute("data-pending-reset")!;
        var token = requested.QuerySelector("tr[data-account='promoted-reviewer@clinic.example'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // The one who asked cannot confirm it; nor can the person promoted; nor anyone without the form's token.
        using var byAsker = await asking.Http.PostAsync(new Uri("/staff/accounts", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("ResetId", resetId), new("action", "confirm-reset")]));
        Assert.Equal(HttpStatusCode.Forbidden, byAsker.StatusCode);
        var (_, own) = await promoted.GetAsync("/staff/account");
        using var byOwner = await promoted.Http.PostAsync(new Uri("/staff/accounts", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", own.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("ResetId", resetId),
            new("action", "confirm-reset"),
        ]));
        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        using var noToken = await second.Http.PostAsync(new Uri("/staff/accounts", UriKind.Relative),
            new FormUrlEncodedContent([new("ResetId", resetId), new("action", "confirm-reset")]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        var (_, stillReviewer) = await second.GetAsync("/staff/accounts");
        Assert.Equal(StaffRoles.Reviewer, stillReviewer.QuerySelector("tr[data-account='promoted-reviewer@clinic.example']")?.GetAttribute("data-role"));

        using var confirmed = await PressAsync(second, stillReviewer.QuerySelector($"[data-pending-reset='{resetId}']")!, "confirm-reset");
        var done = await HeadacheInfoFactory.ReadPageAsync(confirmed);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(StaffRoles.Admin, done.QuerySelector("tr[data-account='promoted-reviewer@clinic.example']")?.GetAttribute("data-role"));
        Assert.Null(done.QuerySelector($"[data-pending-reset='{resetId}']"));

        await DeliverAsync();
        var mail = Assert.Single(site.Smtp.To("promoted-reviewer@clinic.example"));
        Assert.Contains("admin", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("promoting-admin (Admin)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("promotion-confirmer (Admin)", mail.Text, StringComparison.Ordinal);

        using var again = new StaffClient(site);
        (await again.SignInAsync("promoted-reviewer@clinic.example", StaffSeeding.Password)).Dispose();
        var (_, setup) = await again.GetAsync("/staff/authenticator");
        var notice = setup.QuerySelector("[data-account-reset-notice]")?.TextContent;
        Assert.Contains("role was changed to admin", notice, StringComparison.Ordinal);
        Assert.Contains("promotion-confirmer (Admin)", notice, StringComparison.Ordinal);

        var (_, audit) = await second.GetAsync("/staff/audit");
        Assert.Contains(audit.QuerySelectorAll("tr[data-event='account-reset-requested']"), row =>
            row.QuerySelector("[data-actor]")!.TextContent == "promoting-admin@clinic.example" && row.TextContent.Contains("promoted-reviewer@clinic.example", StringComparison.Ordinal));
        Assert.Contains(audit.QuerySelectorAll("tr[data-event='account-reset-confirmed']"), row =>
            row.QuerySelector("[data-actor]")!.TextContent == "promotion-confirmer@clinic.example" && row.TextContent.Contains("promoted-reviewer@clinic.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin_made_after_a_request_was_asked_cannot_confirm_it()
    {
        using var asking = await AdminAsync("early-asking-admin@clinic.example");
        using var target = await AdminAsync("early-target-admin@clinic.example");
        using var honest = await AdminAsync("early-honest-admin@clinic.example");
        (await PressOnRowAsync(asking, "early-target-admin@clinic.example", "reset-password")).Response.Dispose();
        var (_, page) = await honest.GetAsync("/staff/accounts");
        var resetId = page.QuerySelector("[data-pending-reset][data-account='early-target-admin@clinic.example']")!.GetAttribute("data-pending-reset")!;

        // Later, a new admin is made with a second admin's say: they still were not an admin when the reset was asked for.
        await StaffSeeding.AddAsync(site, "late-admin@clinic.example", StaffRoles.Author);
        (await PressOnRowAsync(asking, "late-admin@clinic.example", "role", role: StaffRoles.Admin)).Response.Dispose();
        var (_, toConfirm) = await honest.GetAsync("/staff/accounts");
        (await PressAsync(honest, toConfirm.QuerySelector("[data-pending-reset][data-account='late-admin@clinic.example']")!, "confirm-reset")).Dispose();
        using var late = new StaffClient(site);
        await StaffSeeding.SignInAsAdminAsync(late, "late-admin@clinic.example");

        var (_, latePage) = await late.GetAsync("/staff/accounts");
        using var confirmed = await PressAsync(late, latePage.QuerySelector($"[data-pending-reset='{resetId}']")!, "confirm-reset");

        Assert.Equal(HttpStatusCode.Forbidden, confirmed.StatusCode);
        Assert.Null((await HeadacheInfoFactory.ReadPageAsync(confirmed)).QuerySelector("[data-one-time-password]"));
        var (stillIn, _) = await target.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_confirm_their_own_demotion_or_the_disabling_of_their_own_account()
    {
        using var asking = await AdminAsync("own-demotion-asker@clinic.example");
        using var target = await AdminAsync("own-demotion-target@clinic.example");
        (await PressOnRowAsync(asking, "own-demotion-target@clinic.example", "role", role: StaffRoles.Reviewer)).Response.Dispose();
        var (_, disabling) = await PressOnRowAsync(asking, "own-demotion-target@clinic.example", "disable");
        Assert.Equal("enabled", disabling.QuerySelector("tr[data-account='own-demotion-target@clinic.example']")?.GetAttribute("data-state"));

        var (_, page) = await target.GetAsync("/staff/accounts");
        var pending = page.QuerySelectorAll("[data-pending-reset][data-account='own-demotion-target@clinic.example']");
        Assert.Equal(2, pending.Length);
        Assert.All(pending, p => Assert.Null(p.QuerySelector("button[value='confirm-reset']")));
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var request in pending)
        {
            using var own = await target.Http.PostAsync(new Uri("/staff/accounts", UriKind.Relative), new FormUrlEncodedContent(
                [new("__RequestVerificationToken", token), new("ResetId", request.GetAttribute("data-pending-reset")!), new("action", "confirm-reset")]));
            Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        }

        var (_, after) = await target.GetAsync("/staff/accounts");
        Assert.Equal(StaffRoles.Admin, after.QuerySelector("tr[data-account='own-demotion-target@clinic.example']")?.GetAttribute("data-role"));
    }

    [Fact]
    public async Task Resetting_another_admin_s_two_step_sign_in_also_waits_for_a_second_admin()
    {
        using var asking = await AdminAsync("asking-2fa-admin@clinic.example");
        using var target = await AdminAsync("target-2fa-admin@clinic.example");
        using var second = await AdminAsync("second-2fa-admin@clinic.example");

        (await PressOnRowAsync(asking, "target-2fa-admin@clinic.example", "reset-two-factor")).Response.Dispose();
        var (_, page) = await second.GetAsync("/staff/accounts");
        Assert.Equal("On", page.QuerySelector("tr[data-account='target-2fa-admin@clinic.example'] [data-two-factor]")?.TextContent);

        using var confirmed = await PressAsync(second, page.QuerySelector("[data-pending-reset][data-account='target-2fa-admin@clinic.example']")!, "confirm-reset");
        var (_, after) = await second.GetAsync("/staff/accounts");
        Assert.Equal("Off", after.QuerySelector("tr[data-account='target-2fa-admin@clinic.example'] [data-two-factor]")?.TextContent);
        Assert.Contains("Two-step sign-in reset by second-2fa-admin (Admin)", after.QuerySelector("tr[data-account='target-2fa-admin@clinic.example'] [data-last-reset]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_may_confirm_a_reset_and_never_without_the_form_s_token()
    {
        using var asking = await AdminAsync("asking-token-admin@clinic.example");
        await AdminAsync("target-token-admin@clinic.example");
        using var second = await AdminAsync("second-token-admin@clinic.example");
        (await PressOnRowAsync(asking, "target-token-admin@clinic.example", "reset-password")).Response.Dispose();
        var (_, page) = await second.GetAsync("/staff/accounts");
        var pending = page.QuerySelector("[data-pending-reset][data-account='target-token-admin@clinic.example']")!;
        var resetId = pending.QuerySelector("input[name=ResetId]")!.GetAttribute("value")!;

        using var noToken = await second.Http.PostAsync(new Uri("/staff/accounts", UriKind.Relative),
            new FormUrlEncodedContent([new("ResetId", resetId), new("action", "confirm-reset")]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        using var reviewer = await StaffSeeding.SignedInAsync(site, "confirming-reviewer@clinic.example", StaffRoles.Reviewer);
        var (_, own) = await reviewer.GetAsync("/staff/account");
        using var notAdmin = await reviewer.Http.PostAsync(new Uri("/staff/accounts", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", own.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("ResetId", resetId),
            new("action", "confirm-reset"),
        ]));
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);

        var (_, still) = await second.GetAsync("/staff/accounts");
        Assert.NotNull(still.QuerySelector("[data-pending-reset][data-account='target-token-admin@clinic.example'] button[value='confirm-reset']"));
    }

    [Fact]
    public async Task Reset_staff_on_the_server_tells_the_owner_by_mail_and_at_their_next_sign_in()
    {
        await StaffSeeding.AddAsync(site, "console-admin@clinic.example", StaffRoles.Admin);
        string[] settings =
        [
            $"--Content:Path={site.Content.Root}", $"--Data:Path={site.DataFolder}",
            "--Email:Smtp:Host=127.0.0.1", $"--Email:Smtp:Port={site.Smtp.Port}", "--Email:Smtp:Security=None",
            "--Email:From=staff-mail@clinic.example", $"--Email:LinkBaseUrl={MailSite.LinkBase}",
        ];

        using var output = new StringWriter();
        Assert.Equal(0, await ResetStaffCommand.RunAsync(["reset-staff", "--email", "console-admin@clinic.example", .. settings], output));
        // The command ran on the machine's own clock; the site's stands still in these tests until moved on to it.
        var machineNow = DateTimeOffset.UtcNow;
        if (machineNow > site.Clock.GetUtcNow())
        {
            site.Clock.SetUtcNow(machineNow);
        }

        await DeliverAsync();

        var mail = Assert.Single(site.Smtp.To("console-admin@clinic.example"));
        Assert.Contains("reset-staff", mail.Text, StringComparison.Ordinal);
        var oneTime = System.Text.RegularExpressions.Regex.Match(output.ToString(), @"One-time password: (\S+)").Groups[1].Value;
        using var owner = new StaffClient(site);
        (await owner.SignInAsync("console-admin@clinic.example", oneTime)).Dispose();
        var (_, page) = await owner.GetAsync("/staff/change-password");
        Assert.Contains("reset-staff", page.QuerySelector("[data-account-reset-notice]")?.TextContent, StringComparison.Ordinal);
    }
}
