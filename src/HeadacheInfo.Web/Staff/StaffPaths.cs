namespace HeadacheInfo.Web.Staff;

/// <summary>The staff area's addresses.</summary>
public static class StaffPaths
{
    public const string Folder = "/Staff";
    public const string Home = "/staff";
    public const string SignIn = "/staff/sign-in";
    public const string SignOut = "/staff/sign-out";
    public const string Guide = "/staff/guide";
}
