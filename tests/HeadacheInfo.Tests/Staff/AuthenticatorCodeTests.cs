using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>Authenticator codes: each one works once, and only while it is current, give or take one 30-second step.</summary>
public sealed class AuthenticatorCodeTests(AuthenticatorCodeTests.Site site) : IClassFixture<AuthenticatorCodeTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain");
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
        }

        // At the start of a 30-second step, so that each Advance below lands in a known step.
        public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } =
            new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 * 30).AddMilliseconds(500));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>An admin with two-step sign-in turned on (with the code of the current step); returns their key.</summary>
    private async Task<string> AdminWithAuthenticatorAsync(string email)
    {
        await StaffSeeding.AddAsync(site, email, StaffRoles.Admin);
        using var client = new StaffClient(site);
        (await client.SignInAsync(email, StaffSeeding.Password)).Dispose();
        var (_, setup) = await client.GetAsync("/staff/authenticator");
        var key = setup.QuerySelector("[data-authenticator-key]")!.TextContent;
        using var turnedOn = await client.SubmitAsync("/staff/authenticator",
            new Dictionary<string, string> { ["Code"] = StaffClient.TotpCode(key, site.Clock.GetUtcNow()) });
        // Turned on: the page shows the recovery codes once (issue 21), where it used to redirect.
        Assert.Equal(HttpStatusCode.OK, turnedOn.StatusCode);
        Assert.NotNull((await HeadacheInfoFactory.ReadPageAsync(turnedOn)).QuerySelector("[data-recovery-codes]"));
        return key;
    }

    /// <summary>Password, then <paramref name="code"/>: whether that opened the dashboard.</summary>
    private async Task<bool> SignInWithCodeAsync(string email, string code)
    {
        using var client = new StaffClient(site);
        using var password = await client.SignInAsync(email, StaffSeeding.Password);
        Assert.Contains("/staff/two-factor", password.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var entered = await client.SubmitAsync("/staff/two-factor", new Dictionary<string, string> { ["Code"] = code });
        return entered.StatusCode == HttpStatusCode.Redirect && (await client.GetAsync("/staff")).Response.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task A_code_that_signed_in_once_cannot_sign_in_again()
    {
        var key = await AdminWithAuthenticatorAsync("once@clinic.example");
        site.Clock.Advance(Step);
        var code = StaffClient.TotpCode(key, site.Clock.GetUtcNow());

        var first = await SignInWithCodeAsync("once@clinic.example", code);
        var replayed = await SignInWithCodeAsync("once@clinic.example", code);

        Assert.True(first);
        Assert.False(replayed, "the same code, in the same 30 seconds, must not sign anyone in twice");
    }

    [Fact]
    public async Task The_code_used_to_turn_on_two_step_sign_in_cannot_then_be_used_to_sign_in()
    {
        var key = await AdminWithAuthenticatorAsync("setup-code@clinic.example");

        var replayed = await SignInWithCodeAsync("setup-code@clinic.example", StaffClient.TotpCode(key, site.Clock.GetUtcNow()));
        site.Clock.Advance(Step);
        var next = await SignInWithCodeAsync("setup-code@clinic.example", StaffClient.TotpCode(key, site.Clock.GetUtcNow()));

        Assert.False(replayed);
        Assert.True(next);
    }

    [Fact]
    public async Task Codes_one_step_either_side_work_and_two_steps_old_do_not()
    {
        var key = await AdminWithAuthenticatorAsync("window@clinic.example");
        site.Clock.Advance(3 * Step);
        var now = site.Clock.GetUtcNow();

        var twoStepsOld = await SignInWithCodeAsync("window@clinic.example", StaffClient.TotpCode(key, now - (2 * Step)));
        var oneStepOld = await SignInWithCodeAsync("window@clinic.example", StaffClient.TotpCode(key, now - Step));
        var oneStepAhead = await SignInWithCodeAsync("window@clinic.example", StaffClient.TotpCode(key, now + Step));
        var twoStepsAhead = await SignInWithCodeAsync("window@clinic.example", StaffClient.TotpCode(key, now + (2 * Step)));

        Assert.False(twoStepsOld, "a code from a minute ago");
        Assert.True(oneStepOld, "a code from the step before, for a phone a little slow or a person a little slow");
        Assert.True(oneStepAhead, "a code from the step after, for a phone a little fast");
        Assert.False(twoStepsAhead, "a code from a minute ahead");
    }
}
