using HeadacheInfo.Web.Staff.Database;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>What happened when an account was added: the one-time password to pass on, or why it failed.</summary>
public sealed record AddedAccount(StaffUser? User, string? OneTimePassword, IReadOnlyList<string> Problems)
{
    public bool Succeeded => User is not null;
}
