namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// What a row of <see cref="AccountReset"/> changes, with the words staff read for it: a reset of someone's
/// password or two-step sign-in, or a change that gives or takes away an admin's powers (a role to or from
/// admin, an admin's account disabled or enabled). Both kinds go through the same request and confirmation.
/// </summary>
public static class AccountResetKinds
{
    public const string Password = "password";
    public const string TwoFactor = "two-factor";

    /// <summary><c>reset-staff</c> on the server: both at once.</summary>
    public const string Both = "password-and-two-factor";

    /// <summary>Before the role's name: <c>role:admin</c>, <c>role:author</c>, <c>role:reviewer</c>.</summary>
    public const string RolePrefix = "role:";

    public const string Disable = "disable";
    public const string Enable = "enable";

    public static string Role(string role) => RolePrefix + role;

    /// <summary>The role a role change gives, or null for any other kind.</summary>
    public static string? RoleOf(string kind) => kind.StartsWith(RolePrefix, StringComparison.Ordinal) ? kind[RolePrefix.Length..] : null;

    public static bool IsReset(string kind) => kind is Password or TwoFactor or Both;

    /// <summary>Whether this change, to an account that is (or is not) an admin's, gives someone an admin's powers.</summary>
    public static bool MakesAdmin(string kind, bool ownerIsAdmin) =>
        (!ownerIsAdmin && RoleOf(kind) == StaffRoles.Admin) || (ownerIsAdmin && kind == Enable);

    /// <summary>Whether this change takes an admin's powers away, or resets an admin's sign-in.</summary>
    public static bool TakesAdmin(string kind, bool ownerIsAdmin) =>
        ownerIsAdmin && (IsReset(kind) || kind == Disable || RoleOf(kind) is { } role && role != StaffRoles.Admin);

    /// <summary>"password", "two-step sign-in", "password and two-step sign-in" (resets only).</summary>
    public static string Describe(string kind) => kind switch
    {
        Password => "password",
        TwoFactor => "two-step sign-in",
        _ => "password and two-step sign-in",
    };

    /// <summary>What was asked for, after "to": "reset the password of a@b", "make a@b an admin", "disable a@b, an admin".</summary>
    public static string Asked(string kind, string owner) => RoleOf(kind) switch
    {
        StaffRoles.Admin => $"make {owner} an admin",
        { } role => $"change the role of {owner}, an admin, to {role}",
        null => kind switch
        {
            Disable => $"disable {owner}, an admin",
            Enable => $"enable {owner}, an admin",
            _ => $"reset the {Describe(kind)} of {owner}",
        },
    };

    /// <summary>What the owner reads after "Your ": "password was reset", "role was changed to admin", "account was disabled".</summary>
    public static string Happened(string kind) => RoleOf(kind) switch
    {
        { } role => $"role was changed to {role}",
        null => kind switch
        {
            Disable => "account was disabled",
            Enable => "account was enabled",
            Both => "password and two-step sign-in were reset",
            _ => $"{Describe(kind)} was reset",
        },
    };
}
