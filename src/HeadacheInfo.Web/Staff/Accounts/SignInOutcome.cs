namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>Where a password sign-in ended.</summary>
public enum SignInOutcome
{
    SignedIn,
    NeedsCode,
    Refused,
}
