namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>What a reset resets, with the words staff read for it.</summary>
public static class AccountResetKinds
{
    public const string Password = "password";
    public const string TwoFactor = "two-factor";

    /// <summary><c>reset-staff</c> on the server: both at once.</summary>
    public const string Both = "password-and-two-factor";

    /// <summary>"password", "two-step sign-in", "password and two-step sign-in".</summary>
    public static string Describe(string kind) => kind switch
    {
        Password => "password",
        TwoFactor => "two-step sign-in",
        _ => "password and two-step sign-in",
    };
}
