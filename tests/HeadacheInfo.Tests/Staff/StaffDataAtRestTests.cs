using System.Net;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>What a copy of the staff database, or another user on the server, could read.</summary>
public sealed class StaffDataAtRestTests(StaffDataAtRestTests.Site site) : IClassFixture<StaffDataAtRestTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain");
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
        }
    }

    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_site_makes_its_data_folder_0700_and_the_database_files_0600()
    {
        await site.Services.GetRequiredService<StaffDatabaseReadiness>().Ready;
        // Something written, so SQLite's journal files exist too.
        await StaffSeeding.AddAsync(site, "modes@clinic.example", StaffRoles.Author);

        if (OperatingSystem.IsWindows())
        {
            return; // permissions there are ACLs, inherited from the folder the operator chose
        }

        Assert.Equal(FolderMode, File.GetUnixFileMode(site.DataFolder));
        var files = Directory.GetFiles(site.DataFolder, DataOptions.SqliteFileName + "*");
        Assert.Contains(Path.Combine(site.DataFolder, DataOptions.SqliteFileName), files);
        foreach (var file in files)
        {
            Assert.True(File.GetUnixFileMode(file) == FileMode, $"{file} is {File.GetUnixFileMode(file)}");
        }
    }

    [Fact]
    public async Task The_authenticator_key_in_the_database_is_not_the_key_the_page_shows_and_codes_still_work()
    {
        await StaffSeeding.AddAsync(site, "secret-key@clinic.example", StaffRoles.Admin);
        using var client = new StaffClient(site);
        (await client.SignInAsync("secret-key@clinic.example", StaffSeeding.Password)).Dispose();
        var (_, setup) = await client.GetAsync("/staff/authenticator");
        var shown = setup.QuerySelector("[data-authenticator-key]")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        using var turnedOn = await client.SubmitAsync("/staff/authenticator", new Dictionary<string, string> { ["Code"] = StaffClient.TotpCode(shown) });

        var stored = await StoredTokenAsync("secret-key@clinic.example", "AuthenticatorKey");

        // Turned on: the page shows the recovery codes once (issue 21), where it used to redirect.
        Assert.Equal(HttpStatusCode.OK, turnedOn.StatusCode);
        Assert.NotNull((await HeadacheInfoFactory.ReadPageAsync(turnedOn)).QuerySelector("[data-recovery-codes]"));
        Assert.NotNull(stored);
        Assert.DoesNotContain(shown, stored.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.DoesNotContain(shown.ToLowerInvariant(), stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_stored_in_plain_text_before_still_works_and_is_encrypted_with_the_next_save()
    {
        const string plainKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        await StaffSeeding.AddAsync(site, "old-key@clinic.example", StaffRoles.Author);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            // As an older version of the site left it: the key as it is, and two-step sign-in on.
            var database = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
            var user = await database.Users.SingleAsync(u => u.Email == "old-key@clinic.example");
            database.UserTokens.Add(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = plainKey });
            user.TwoFactorEnabled = true;
            await database.SaveChangesAsync();
        }

        using var client = new StaffClient(site);
        using var password = await client.SignInAsync("old-key@clinic.example", StaffSeeding.Password);
        Assert.Contains("/staff/two-factor", password.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var code = await client.SubmitAsync("/staff/two-factor", new Dictionary<string, string> { ["Code"] = StaffClient.TotpCode(plainKey) });
        var (dashboard, _) = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var stored = await StoredTokenAsync("old-key@clinic.example", "AuthenticatorKey");
        Assert.NotNull(stored);
        Assert.DoesNotContain(plainKey, stored, StringComparison.Ordinal);
    }

    private async Task<string?> StoredTokenAsync(string email, string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
        var user = await database.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        return (await database.UserTokens.AsNoTracking().SingleOrDefaultAsync(t => t.UserId == user.Id && t.Name == name))?.Value;
    }
}

/// <summary>A data folder and database another tool left readable by everyone are closed up at start.</summary>
public sealed class StaffDataFolderRepairTests(StaffDataFolderRepairTests.Site site) : IClassFixture<StaffDataFolderRepairTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain");
            if (!OperatingSystem.IsWindows())
            {
                // As a hand-made folder and an old copy of the site (umask 022) would leave them.
                Directory.CreateDirectory(DataFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                    UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                File.SetUnixFileMode(DataFolder, File.GetUnixFileMode(DataFolder) | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                var database = Path.Combine(DataFolder, DataOptions.SqliteFileName);
                File.WriteAllBytes(database, []);
                File.SetUnixFileMode(database, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
        }
    }

    [Fact]
    public async Task A_looser_existing_folder_and_database_are_made_0700_and_0600_and_still_used()
    {
        await site.Services.GetRequiredService<StaffDatabaseReadiness>().Ready;
        await StaffSeeding.AddAsync(site, "repaired@clinic.example", StaffRoles.Author);
        if (OperatingSystem.IsWindows())
        {
            return; // permissions there are ACLs, inherited from the folder the operator chose
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(site.DataFolder));
        foreach (var file in Directory.GetFiles(site.DataFolder, DataOptions.SqliteFileName + "*"))
        {
            Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{file} is {File.GetUnixFileMode(file)}");
        }
        using var client = new StaffClient(site);
        using var signedIn = await client.SignInAsync("repaired@clinic.example", StaffSeeding.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }
}
