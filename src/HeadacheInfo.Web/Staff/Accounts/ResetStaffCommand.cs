using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Identity;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// <c>dotnet run --project src/HeadacheInfo.Web -- reset-staff --email EMAIL</c>: for the last admin locked out,
/// run on the server. It prints a one-time password (changed at the next sign-in), turns two-step sign-in off
/// so it can be set up again, ends every session of the account, and is audited; the owner is told (by e-mail when mail is set up, and at their next sign-in). Exit 0, or 1 with the reason.
/// </summary>
public static class ResetStaffCommand
{
    public const string Name = "reset-staff";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        string? email = null;
        var settings = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--email" && i + 1 < args.Length)
            {
                email = args[++i];
            }
            else
            {
                settings.Add(args[i]);
            }
        }

        if (string.IsNullOrWhiteSpace(email))
        {
            output.WriteLine($"Usage: {Name} --email EMAIL");
            return 1;
        }

        await using var app = await StaffCommandHost.OpenAsync(settings, output);
        if (app is null)
        {
            return 1;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByEmailAsync(email.Trim()) is not { } user)
        {
            output.WriteLine($"There is no account for {email}.");
            return 1;
        }

        // No second admin here: see AccountResets.ResetOnServerAsync. The owner is told as for any other reset.
        var oneTime = await scope.ServiceProvider.GetRequiredService<AccountResets>().ResetOnServerAsync(user);
        if (user.Disabled)
        {
            output.WriteLine($"Note: {email} is disabled; another admin must enable it before it can sign in.");
        }

        output.WriteLine($"Reset {user.Email}.");
        output.WriteLine($"One-time password: {oneTime}");
        output.WriteLine("Sign in with it at /staff/sign-in, choose a new password, then set up two-step sign-in again.");
        return 0;
    }
}
