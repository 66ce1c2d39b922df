using System.Net;
using System.Text.RegularExpressions;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// Accounts that look after themselves, through the real SMTP server: an invitation's link to choose a first
/// password, a forgotten password's link, each working once and only for so long, and passwords refused with
/// their real reason.
/// </summary>
public sealed partial class AccountLinkTests(AccountLinkTests.Site site) : IClassFixture<AccountLinkTests.Site>
{
    public sealed class Site : MailSite
    {
        public Site()
            : base(new TestSmtpServer(), DateTimeOffset.UtcNow)
        {
        }
    }

    [GeneratedRegex(@"https://staff\.clinic\.example(/staff/choose-password/\S+)")]
    private static partial Regex LinkInMail();

    private static async Task DeliverAsync(MailSite mailSite) => await mailSite.Services.GetRequiredService<MailDelivery>().RunOnceAsync();

    /// <summary>The path of the link in the latest mail to <paramref name="to"/> whose subject holds <paramref name="subject"/>.</summary>
    private static string LinkTo(MailSite mailSite, string to, string subject)
    {
        var mail = mailSite.Smtp.To(to).Last(m => m.Subject.Contains(subject, StringComparison.Ordinal));
        return WebUtility.HtmlDecode(LinkInMail().Match(mail.Text).Groups[1].Value);
    }

    private static async Task<StaffClient> AdminAsync(MailSite mailSite, string email)
    {
        await StaffSeeding.AddAsync(mailSite, email, StaffRoles.Admin);
        var admin = new StaffClient(mailSite);
        await StaffSeeding.SignInAsAdminAsync(admin, email);
        return admin;
    }

    private static async Task<HttpResponseMessage> InviteAsync(StaffClient admin, string name, string email, string role) =>
        await admin.SubmitAsync("/staff/accounts", new Dictionary<string, string> { ["DisplayName"] = name, ["Email"] = email, ["Role"] = role }, "add");

    private static async Task<HttpResponseMessage> ChooseAsync(StaffClient person, string link, string password)
    {
        var (_, page) = await person.GetAsync(link);
        return await person.SubmitAsync(page, link, new Dictionary<string, string> { ["NewPassword"] = password });
    }

    [Fact]
    public async Task An_invitation_e_mails_a_link_that_chooses_the_first_password_once_and_signs_the_person_in()
    {
        using var admin = await AdminAsync(site, "inviting-admin@clinic.example");
        using (var added = await InviteAsync(admin, "Nia Newcomer", "invited-author@clinic.example", StaffRoles.Author))
        {
            Assert.Contains("invitation", (await HeadacheInfoFactory.ReadPageAsync(added)).QuerySelector("[data-accounts-message]")?.TextContent, StringComparison.Ordinal);
        }

        await DeliverAsync(site);
        var mail = Assert.Single(site.Smtp.To("invited-author@clinic.example"));
        Assert.Contains("Nia Newcomer", mail.Text, StringComparison.Ordinal);
        Assert.Contains("The link works once", mail.Text, StringComparison.Ordinal);
        var link = LinkTo(site, "invited-author@clinic.example", "invited");

        using var newcomer = new StaffClient(site);
        using var chosen = await ChooseAsync(newcomer, link, "my very own first passphrase");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var (home, _) = await newcomer.GetAsync(chosen.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        // Used once: the same link no longer offers the form, and the password chosen signs in.
        using var later = new StaffClient(site);
        var (_, again) = await later.GetAsync(link);
        Assert.Null(again.QuerySelector("input[name=NewPassword]"));
        Assert.NotNull(again.QuerySelector("[data-link-expired]"));
        using var signedIn = await later.SignInAsync("invited-author@clinic.example", "my very own first passphrase");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.EndsWith("/staff", signedIn.Headers.Location!.ToString(), StringComparison.Ordinal);

        // Audited, without the token.
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..].Split('&')[0]);
        await using var scope = site.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<StaffDbContext>().AuditEvents.AsNoTracking().ToListAsync();
        Assert.Contains(audit, e => e.Actor == "invited-author@clinic.example" && e.Event == "password-link-used");
        Assert.DoesNotContain(audit, e => e.Detail.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Links_age_out_an_invitation_after_72_hours_and_a_forgotten_password_s_after_1_hour()
    {
        using var own = new MailSite(new TestSmtpServer(), DateTimeOffset.UtcNow);
        using var admin = await AdminAsync(own, "ageing-admin@clinic.example");
        (await InviteAsync(admin, "Slow Reader", "slow-invitee@clinic.example", StaffRoles.Author)).Dispose();
        await StaffSeeding.AddAsync(own, "slow-forgetter@clinic.example", StaffRoles.Author);
        using var forgetter = new StaffClient(own);
        (await forgetter.SubmitAsync("/staff/forgot-password", new Dictionary<string, string> { ["Email"] = "slow-forgetter@clinic.example" })).Dispose();
        await DeliverAsync(own);
        var invitation = LinkTo(own, "slow-invitee@clinic.example", "invited");
        var reset = LinkTo(own, "slow-forgetter@clinic.example", "new");

        own.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.NotNull((await forgetter.GetAsync(reset)).Page.QuerySelector("input[name=NewPassword]"));
        own.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null((await forgetter.GetAsync(reset)).Page.QuerySelector("input[name=NewPassword]"));

        using var invitee = new StaffClient(own);
        own.Clock.Advance(TimeSpan.FromHours(70));
        Assert.NotNull((await invitee.GetAsync(invitation)).Page.QuerySelector("input[name=NewPassword]"));
        own.Clock.Advance(TimeSpan.FromHours(2));
        var (_, expired) = await invitee.GetAsync(invitation);
        Assert.Null(expired.QuerySelector("input[name=NewPassword]"));
        Assert.NotNull(expired.QuerySelector("[data-link-expired]"));
        Assert.DoesNotContain("password-link-used", await AuditEventsAsync(own, "slow-invitee@clinic.example"));
    }

    private static async Task<List<string>> AuditEventsAsync(MailSite mailSite, string actor)
    {
        await using var scope = mailSite.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Actor == actor).Select(e => e.Event).ToListAsync();
    }

    [Fact]
    public async Task Forgot_password_gives_the_same_answer_for_a_known_and_an_unknown_address_and_mails_only_the_known_one()
    {
        await StaffSeeding.AddAsync(site, "known-forgetter@clinic.example", StaffRoles.Author);
        using var person = new StaffClient(site);
        var (_, signIn) = await person.GetAsync("/staff/sign-in");
        var forgotHref = signIn.QuerySelector("a[data-forgot-password]")?.GetAttribute("href");
        Assert.Equal("/staff/forgot-password", forgotHref);

        var answers = new List<string>();
        foreach (var email in new[] { "known-forgetter@clinic.example", "nobody-here@clinic.example" })
        {
            using var asked = await person.SubmitAsync(forgotHref!, new Dictionary<string, string> { ["Email"] = email });
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            answers.Add((await HeadacheInfoFactory.ReadPageAsync(asked)).QuerySelector("main")!.TextContent);
        }

        Assert.Equal(answers[0], answers[1]);
        Assert.Contains("If there is a staff account for that address", answers[0], StringComparison.Ordinal);
        await DeliverAsync(site);
        Assert.Single(site.Smtp.To("known-forgetter@clinic.example"));
        Assert.Empty(site.Smtp.To("nobody-here@clinic.example"));
        Assert.Contains("password-reset-requested", await AuditEventsAsync(site, "known-forgetter@clinic.example"));
        Assert.Contains("password-reset-requested", await AuditEventsAsync(site, "nobody-here@clinic.example"));
    }

    [Fact]
    public async Task A_forgotten_password_s_link_works_once_and_two_step_sign_in_is_still_asked_afterwards()
    {
        await StaffSeeding.AddAsync(site, "two-step-forgetter@clinic.example", StaffRoles.Reviewer);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync("two-step-forgetter@clinic.example"))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        using var person = new StaffClient(site);
        (await person.SubmitAsync("/staff/forgot-password", new Dictionary<string, string> { ["Email"] = "two-step-forgetter@clinic.example" })).Dispose();
        await DeliverAsync(site);
        var link = LinkTo(site, "two-step-forgetter@clinic.example", "new");

        using var chosen = await ChooseAsync(person, link, "a brand new remembered phrase");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var (_, signInPage) = await person.GetAsync(chosen.Headers.Location!.ToString());
        Assert.NotNull(signInPage.QuerySelector("[data-password-changed]"));

        using var withOld = await person.SignInAsync("two-step-forgetter@clinic.example", StaffSeeding.Password);
        Assert.NotEqual(HttpStatusCode.Redirect, withOld.StatusCode);
        using var withNew = await person.SignInAsync("two-step-forgetter@clinic.example", "a brand new remembered phrase");
        Assert.Contains("two-factor", withNew.Headers.Location?.ToString(), StringComparison.Ordinal);
        var (home, _) = await person.GetAsync("/staff");
        Assert.NotEqual(HttpStatusCode.OK, home.StatusCode);

        using var stranger = new StaffClient(site);
        var (_, reused) = await stranger.GetAsync(link);
        Assert.Null(reused.QuerySelector("input[name=NewPassword]"));
        Assert.NotNull(reused.QuerySelector("[data-link-expired]"));
        using var stillMine = await new StaffClient(site).SignInAsync("two-step-forgetter@clinic.example", "a brand new remembered phrase");
        Assert.Contains("two-factor", stillMine.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_a_forgotten_password_s_link_counts_towards_the_sign_in_lock_out()
    {
        await StaffSeeding.AddAsync(site, "often-forgetting@clinic.example", StaffRoles.Author);
        using var person = new StaffClient(site).From("198.51.100.34");
        for (var i = 0; i < SignInLockOut.PerAddressLimit; i++)
        {
            (await person.SubmitAsync("/staff/forgot-password", new Dictionary<string, string> { ["Email"] = "often-forgetting@clinic.example" })).Dispose();
        }

        using var signIn = await person.SignInAsync("often-forgetting@clinic.example", StaffSeeding.Password);
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        using var elsewhere = await new StaffClient(site).From("198.51.100.35").SignInAsync("often-forgetting@clinic.example", StaffSeeding.Password);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
    }

    [Theory]
    [InlineData("reason-writer", "contains your e-mail name")]
    [InlineData("short words", "too short")]
    [InlineData("passwordpassword", "most common passwords")]
    [InlineData("abababababababab", "only one or two characters")]
    public async Task A_refused_password_says_its_real_reason(string newPassword, string reason)
    {
        var email = $"reason-writer-{reason.Length}@clinic.example";
        using var writer = await StaffSeeding.SignedInAsync(site, email, StaffRoles.Author);
        var typed = newPassword == "reason-writer" ? $"my name is reason-writer-{reason.Length} ok" : newPassword;
        using var refused = await writer.SubmitAsync("/staff/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = StaffSeeding.Password,
            ["NewPassword"] = typed,
        });
        var problems = (await HeadacheInfoFactory.ReadPageAsync(refused)).QuerySelector("[role=alert]")?.TextContent;
        Assert.Contains(reason, problems, StringComparison.Ordinal);
        Assert.DoesNotContain("too common", problems, StringComparison.Ordinal);
    }
}
