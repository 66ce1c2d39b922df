using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Identity;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// <c>dotnet run --project src/HeadacheInfo.Web -- reset-staff --email EMAIL</c>: for the last admin locked out,
/// run on the server. It prints a one-time password (changed at the next sign-in), turns two-step sign-in off
/// so it can be set up again, ends every session of the account, and is audited. Exit 0, or 1 with the reason.
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

        var oneTime = await StaffAccounts.ResetPasswordAsync(users, user);
        await StaffAccounts.ResetTwoFactorAsync(users, user);
        if (user.Disabled)
        {
            output.WriteLine($"Note: {email} is disabled; another admin must enable it before it can sign in.");
        }

        await scope.ServiceProvider.GetRequiredService<AuditLog>()
            .RecordAsync(AuditEvents.AccountChanged, $"{Name} command", $"reset the password and two-step sign-in of {user.Email}");
        output.WriteLine($"Reset {user.Email}.");
        output.WriteLine($"One-time password: {oneTime}");
        output.WriteLine("Sign in with it at /staff/sign-in, choose a new password, then set up two-step sign-in again.");
        return 0;
    }
}
