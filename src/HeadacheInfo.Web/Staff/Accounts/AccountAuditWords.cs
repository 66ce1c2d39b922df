namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// The audit log's words for giving an account a role, written by the accounts page and read back by
/// <see cref="AccountResets"/>: an admin someone made cannot be the second admin for that person's request.
/// </summary>
public static class AccountAuditWords
{
    public static string Added(string email, string role) => $"added {email} as {role}";

    public static string RoleChanged(string email, string role) => $"changed the role of {email} to {role}";
}
