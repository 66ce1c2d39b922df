namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>The roles, as Identity stores them.</summary>
public static class StaffRoles
{
    public const string Author = "author";
    public const string Reviewer = "reviewer";
    public const string Admin = "admin";

    public static readonly string[] All = [Author, Reviewer, Admin];

    public static string Describe(string role) => role switch
    {
        Author => "Author (writes articles)",
        Reviewer => "Reviewer (clinically signs off changes)",
        Admin => "Admin (manages accounts)",
        _ => role,
    };
}
