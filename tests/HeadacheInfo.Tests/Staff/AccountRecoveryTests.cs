using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// Accounts people can recover: an admin resets a password or a lost phone's two-step sign-in; two-step set-up
/// shows a QR code and ten recovery codes, any of which signs in once; the last admin recovers on the server.
/// </summary>
public sealed class AccountRecoveryTests(AccountRecoveryTests.Site site) : IClassFixture<AccountRecoveryTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site() => WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
    }

    private async Task<StaffClient> AdminAsync(string email)
    {
        await StaffSeeding.AddAsync(site, email, StaffRoles.Admin);
        var admin = new StaffClient(site);
        await StaffSeeding.SignInAsAdminAsync(admin, email);
        return admin;
    }

    private static async Task<HttpResponseMessage> PressOnRowAsync(StaffClient admin, string account, string button)
    {
        var (_, accounts) = await admin.GetAsync("/staff/accounts");
        var row = accounts.QuerySelector($"tr[data-account='{account}']")!;
        return await admin.Http.PostAsync(new Uri("/staff/accounts", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", row.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("UserId", row.QuerySelector("input[name=UserId]")!.GetAttribute("value")!),
            new("action", button),
        ]));
    }

    [Fact]
    public async Task An_admin_resets_a_password_the_old_one_and_every_session_end_and_the_new_one_must_be_changed()
    {
        using var admin = await AdminAsync("reset-admin@clinic.example");
        await StaffSeeding.AddAsync(site, "forgetful@clinic.example", StaffRoles.Author);
        using var forgetful = new StaffClient(site);
        (await forgetful.SignInAsync("forgetful@clinic.example", StaffSeeding.Password)).Dispose();

        using var reset = await PressOnRowAsync(admin, "forgetful@clinic.example", "reset-password");
        var oneTime = (await HeadacheInfoFactory.ReadPageAsync(reset)).QuerySelector("[data-one-time-password]")?.TextContent;

        Assert.False(string.IsNullOrEmpty(oneTime));
        var (oldSession, _) = await forgetful.GetAsync("/staff");
        Assert.NotEqual(HttpStatusCode.OK, oldSession.StatusCode);
        using var fresh = new StaffClient(site);
        using (var withOld = await fresh.SignInAsync("forgetful@clinic.example", StaffSeeding.Password))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, withOld.StatusCode);
        }

        using var withNew = await fresh.SignInAsync("forgetful@clinic.example", oneTime!);
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        var (goesTo, _) = await fresh.GetAsync("/staff");
        Assert.Contains("change-password", goesTo.Headers.Location?.ToString(), StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<StaffDbContext>().AuditEvents
            .AnyAsync(e => e.Actor == "reset-admin@clinic.example" && e.Detail.Contains("reset the password of forgetful@clinic.example")));
    }

    [Fact]
    public async Task Two_step_set_up_shows_a_QR_code_and_ten_recovery_codes_each_of_which_signs_in_once()
    {
        await StaffSeeding.AddAsync(site, "phone-owner@clinic.example", StaffRoles.Reviewer);
        using var owner = new StaffClient(site);
        (await owner.SignInAsync("phone-owner@clinic.example", StaffSeeding.Password)).Dispose();
        var (_, setup) = await owner.GetAsync("/staff/authenticator");
        Assert.NotNull(setup.QuerySelector("[data-qr-code] svg[role=img][aria-label]"));
        var key = setup.QuerySelector("[data-authenticator-key]")!.TextContent;

        using var on = await owner.SubmitAsync(setup, "/staff/authenticator", new Dictionary<string, string> { ["Code"] = StaffClient.TotpCode(key) });
        var shown = await HeadacheInfoFactory.ReadPageAsync(on);
        var codes = shown.QuerySelectorAll("[data-recovery-codes] li code").Select(c => c.TextContent).ToList();
        Assert.NotNull(shown.QuerySelector("[data-two-factor='on']"));
        Assert.Equal(10, codes.Count);
        var (_, again) = await owner.GetAsync("/staff/authenticator");
        Assert.Null(again.QuerySelector("[data-recovery-codes]"));

        // Typed as a person might (lower case, no dash) it works once; typed exactly as shown, it is used up.
        foreach (var (typed, works) in new[] { (codes[0].ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal), true), (codes[0], false) })
        {
            using var phoneless = new StaffClient(site);
            (await phoneless.SignInAsync("phone-owner@clinic.example", StaffSeeding.Password)).Dispose();
            var (_, step) = await phoneless.GetAsync("/staff/two-factor");
            using var entered = await phoneless.SubmitAsync(step, "/staff/two-factor", new Dictionary<string, string> { ["Code"] = typed });
            Assert.Equal(works ? HttpStatusCode.Redirect : HttpStatusCode.OK, entered.StatusCode);
        }
    }

    [Fact]
    public async Task An_admin_resets_a_lost_phone_s_two_step_sign_in_and_the_owner_sets_it_up_again()
    {
        using var admin = await AdminAsync("phone-admin@clinic.example");
        await StaffSeeding.AddAsync(site, "lost-phone@clinic.example", StaffRoles.Reviewer);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync("lost-phone@clinic.example"))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        using var reset = await PressOnRowAsync(admin, "lost-phone@clinic.example", "reset-two-factor");

        Assert.Contains("Two-step sign-in is off", (await HeadacheInfoFactory.ReadPageAsync(reset)).QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        using var owner = new StaffClient(site);
        using var signedIn = await owner.SignInAsync("lost-phone@clinic.example", StaffSeeding.Password);
        Assert.DoesNotContain("two-factor", signedIn.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_admin_locked_out_recovers_on_the_server_with_reset_staff()
    {
        await StaffSeeding.AddAsync(site, "last-admin@clinic.example", StaffRoles.Admin);
        var settings = new[] { $"--Content:Path={site.Content.Root}", $"--Data:Path={site.DataFolder}" };

        using var output = new StringWriter();
        var exitCode = await ResetStaffCommand.RunAsync(["reset-staff", "--email", "last-admin@clinic.example", .. settings], output);
        using var unknown = new StringWriter();
        var unknownExit = await ResetStaffCommand.RunAsync(["reset-staff", "--email", "nobody@clinic.example", .. settings], unknown);

        Assert.Equal(0, exitCode);
        var oneTime = System.Text.RegularExpressions.Regex.Match(output.ToString(), @"One-time password: (\S+)").Groups[1].Value;
        using var admin = new StaffClient(site);
        using var signedIn = await admin.SignInAsync("last-admin@clinic.example", oneTime);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(1, unknownExit);
        Assert.Contains("no account for nobody@clinic.example", unknown.ToString(), StringComparison.Ordinal);
    }
}
