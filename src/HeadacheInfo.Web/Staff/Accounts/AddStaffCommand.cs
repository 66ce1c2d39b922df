using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Identity;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// <c>dotnet run --project src/HeadacheInfo.Web -- add-staff --email EMAIL --name "NAME" --role ROLE [--password-stdin]</c>:
/// adds an account to the staff database the site uses (the same settings apply). Exit 0 on success, 1
/// with a clear message otherwise.
/// </summary>
public static class AddStaffCommand
{
    public const string Name = "add-staff";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output)
    {
        string? email = null, name = null, role = null;
        var passwordFromInput = false;
        var settings = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--email" when i + 1 < args.Length:
                    email = args[++i];
                    break;
                case "--name" when i + 1 < args.Length:
                    name = args[++i];
                    break;
                case "--role" when i + 1 < args.Length:
                    role = args[++i];
                    break;
                case "--password-stdin":
                    passwordFromInput = true;
                    break;
                default:
                    settings.Add(args[i]); // --Database:Provider=Postgres and other settings, as for the site
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(role))
        {
            output.WriteLine($"Usage: {Name} --email EMAIL --name \"NAME\" --role {string.Join('|', StaffRoles.All)} [--password-stdin]");
            return 1;
        }

        var password = passwordFromInput ? (await input.ReadLineAsync())?.TrimEnd('\r', '\n') : null;
        if (passwordFromInput && string.IsNullOrEmpty(password))
        {
            output.WriteLine("No password came on standard input.");
            return 1;
        }

        await using var app = await StaffCommandHost.OpenAsync(settings, output);
        if (app is null)
        {
            return 1;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var added = await StaffAccounts.AddAsync(users, email.Trim(), name, role.Trim(), password);
        if (!added.Succeeded)
        {
            output.WriteLine($"Could not add {email}: {string.Join(" ", added.Problems)}");
            return 1;
        }

        await scope.ServiceProvider.GetRequiredService<AuditLog>()
            .RecordAsync(AuditEvents.AccountChanged, $"{Name} command", $"added {email} as {role}");
        output.WriteLine($"Added {email} ({name}) as {role}.");
        if (added.OneTimePassword is { } oneTime)
        {
            output.WriteLine($"One-time password: {oneTime}");
            output.WriteLine("They must choose their own password when they first sign in at /staff/sign-in.");
        }

        return 0;
    }
}
