using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// Signing in, as someone guessing would see it: every failure looks the same, and wrong guesses lock out the
/// address they come from, never the account's owner at their own address.
/// </summary>
public sealed class SignInLockOutTests(SignInLockOutTests.Site site) : IClassFixture<SignInLockOutTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain");
            // The per-address rate limit has tests of its own; here it would only get in the way.
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            WithSetting("ForwardedHeaders:KnownProxies:0", Proxy);
        }

        public const string Proxy = "10.0.0.5";

        public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } =
            new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).AddMilliseconds(500));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                // The test server has no connection: every request comes through the trusted proxy, which says
                // (X-Forwarded-For) which address each client is at.
                services.AddTransient<IStartupFilter, FromProxy>();
            });
        }

        private sealed class FromProxy : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(Proxy);
                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }

    private const string WrongPassword = "not the password at all";

    private async Task<(HttpStatusCode Status, string? Problem, bool SignedIn)> SignInAsync(string email, string password, string from)
    {
        using var client = new StaffClient(site).From(from);
        using var response = await client.SignInAsync(email, password);
        var page = await HeadacheInfoFactory.ReadPageAsync(response);
        var signedIn = response.StatusCode == HttpStatusCode.Redirect && (await client.GetAsync("/staff")).Response.StatusCode == HttpStatusCode.OK;
        return (response.StatusCode, page.QuerySelector("[data-sign-in-problem]")?.TextContent.Trim(), signedIn);
    }

    private async Task GuessAsync(string email, string from, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var (status, problem, signedIn) = await SignInAsync(email, WrongPassword, from);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.NotNull(problem);
            Assert.False(signedIn);
        }
    }

    private async Task DisableAsync(string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.Disabled = true;
        await users.UpdateAsync(user);
    }

    [Fact]
    public async Task Unknown_disabled_wrong_password_and_locked_out_all_get_the_same_answer()
    {
        await StaffSeeding.AddAsync(site, "real@clinic.example", StaffRoles.Admin);
        await StaffSeeding.AddAsync(site, "disabled@clinic.example", StaffRoles.Admin);
        await StaffSeeding.AddAsync(site, "locked-same@clinic.example", StaffRoles.Admin);
        await DisableAsync("disabled@clinic.example");
        await GuessAsync("locked-same@clinic.example", "198.51.100.40", 5);

        var answers = new[]
        {
            await SignInAsync("nobody-here@clinic.example", StaffSeeding.Password, "198.51.100.40"),
            await SignInAsync("disabled@clinic.example", StaffSeeding.Password, "198.51.100.40"),
            await SignInAsync("real@clinic.example", WrongPassword, "198.51.100.40"),
            await SignInAsync("locked-same@clinic.example", StaffSeeding.Password, "198.51.100.40"),
        };

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.All(answers, answer => Assert.False(answer.SignedIn));
        Assert.Single(answers.Select(a => a.Problem).Distinct());
        Assert.Contains("locked for 15 minutes", answers[0].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_account_is_locked_out_from_an_address_just_as_a_real_one_is()
    {
        await StaffSeeding.AddAsync(site, "exists@clinic.example", StaffRoles.Author);
        await GuessAsync("exists@clinic.example", "198.51.100.41", 6);
        await GuessAsync("does-not-exist@clinic.example", "198.51.100.41", 6);

        await using var scope = site.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<StaffDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.ClientAddress == "198.51.100.41").OrderBy(e => e.Id).ToListAsync();
        string[] Pattern(string actor) => [.. events.Where(e => e.Actor == actor).Select(e => e.Event)];
        Assert.Equal(Pattern("exists@clinic.example"), Pattern("does-not-exist@clinic.example"));
        Assert.Equal(1, Pattern("exists@clinic.example").Count(e => e == AuditEvents.LockedOut));
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_lock_that_address_out_even_with_the_right_password()
    {
        await StaffSeeding.AddAsync(site, "address-locked@clinic.example", StaffRoles.Author);
        await GuessAsync("address-locked@clinic.example", "198.51.100.1", 4);
        var (_, _, fifthWasRight) = await SignInAsync("address-locked@clinic.example", StaffSeeding.Password, "198.51.100.1");
        Assert.True(fifthWasRight, "four wrong passwords are not yet a lock-out");
        await GuessAsync("address-locked@clinic.example", "198.51.100.1", 5);

        var (status, problem, signedIn) = await SignInAsync("address-locked@clinic.example", StaffSeeding.Password, "198.51.100.1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(signedIn);
        Assert.Contains("locked for 15 minutes", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strangers_wrong_passwords_from_another_address_do_not_stop_the_owner_at_their_own()
    {
        await StaffSeeding.AddAsync(site, "owner@clinic.example", StaffRoles.Author);

        await GuessAsync("owner@clinic.example", "203.0.113.7", 5);
        var (_, _, owner) = await SignInAsync("owner@clinic.example", StaffSeeding.Password, "192.0.2.10");
        var (_, _, stranger) = await SignInAsync("owner@clinic.example", StaffSeeding.Password, "203.0.113.7");

        Assert.True(owner, "the owner, at their own address, signs in");
        Assert.False(stranger, "the guesser's address is locked out, even with the right password");
    }

    [Fact]
    public async Task Fifty_wrong_passwords_from_many_addresses_do_not_stop_the_owner_at_an_address_they_used_before()
    {
        await StaffSeeding.AddAsync(site, "targeted@clinic.example", StaffRoles.Author);
        var (_, _, before) = await SignInAsync("targeted@clinic.example", StaffSeeding.Password, "192.0.2.20");
        Assert.True(before);

        for (var address = 1; address <= 10; address++)
        {
            await GuessAsync("targeted@clinic.example", $"203.0.113.{address}", 5);
        }

        var (_, _, owner) = await SignInAsync("targeted@clinic.example", StaffSeeding.Password, "192.0.2.20");
        Assert.True(owner, "the owner signs in from where they signed in before");
    }

    [Fact]
    public async Task Past_20_failures_in_15_minutes_only_addresses_the_account_signed_in_from_before_may_try()
    {
        await StaffSeeding.AddAsync(site, "ceiling@clinic.example", StaffRoles.Author);
        Assert.True((await SignInAsync("ceiling@clinic.example", StaffSeeding.Password, "192.0.2.30")).SignedIn);
        // Five addresses, each staying under its own limit, together reach the account's.
        for (var address = 1; address <= 5; address++)
        {
            await GuessAsync("ceiling@clinic.example", $"203.0.113.{100 + address}", 4);
        }

        var (status, problem, newAddress) = await SignInAsync("ceiling@clinic.example", StaffSeeding.Password, "198.51.100.99");
        var (_, _, knownAddress) = await SignInAsync("ceiling@clinic.example", StaffSeeding.Password, "192.0.2.30");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(newAddress, "an address the account never signed in from waits while the account is under attack");
        Assert.Contains("locked for 15 minutes", problem, StringComparison.Ordinal);
        Assert.True(knownAddress, "the owner's usual address may still sign in");
    }

    [Fact]
    public async Task A_locked_out_address_may_try_again_15_minutes_later()
    {
        await StaffSeeding.AddAsync(site, "patient@clinic.example", StaffRoles.Author);
        await GuessAsync("patient@clinic.example", "198.51.100.50", 5);
        var (_, _, locked) = await SignInAsync("patient@clinic.example", StaffSeeding.Password, "198.51.100.50");

        site.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var (_, _, later) = await SignInAsync("patient@clinic.example", StaffSeeding.Password, "198.51.100.50");

        Assert.False(locked);
        Assert.True(later);
    }

    [Fact]
    public async Task A_failed_sign_in_is_audited_with_the_typed_email_in_lower_case_and_the_address_never_the_password()
    {
        await SignInAsync("Someone.Unknown@Clinic.Example", "a secret guess here", "198.51.100.60");

        await using var scope = site.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<StaffDbContext>().AuditEvents.AsNoTracking()
            .SingleAsync(e => e.ClientAddress == "198.51.100.60");
        Assert.Equal(AuditEvents.SignInFailed, row.Event);
        Assert.Equal("someone.unknown@clinic.example", row.Actor);
        Assert.DoesNotContain("secret guess", row.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_current_passwords_at_change_password_count_towards_the_same_lock_out()
    {
        await StaffSeeding.AddAsync(site, "changer@clinic.example", StaffRoles.Author);
        using var session = new StaffClient(site).From("198.51.100.70");
        (await session.SignInAsync("changer@clinic.example", StaffSeeding.Password)).Dispose();

        for (var guess = 0; guess < 5; guess++)
        {
            using var wrong = await session.SubmitAsync("/staff/change-password", new Dictionary<string, string>
            {
                ["CurrentPassword"] = $"guess number {guess} here",
                ["NewPassword"] = "a fresh new passphrase",
            });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await session.SubmitAsync("/staff/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = StaffSeeding.Password,
            ["NewPassword"] = "a fresh new passphrase",
        });
        var (_, _, signInFromThere) = await SignInAsync("changer@clinic.example", StaffSeeding.Password, "198.51.100.70");
        var (_, _, signInFromElsewhere) = await SignInAsync("changer@clinic.example", StaffSeeding.Password, "192.0.2.70");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("15 minutes", (await HeadacheInfoFactory.ReadPageAsync(right)).QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.False(signInFromThere, "the address that guessed is locked out of signing in too");
        Assert.True(signInFromElsewhere, "the password did not change, and the owner elsewhere is not locked out");
    }
}
