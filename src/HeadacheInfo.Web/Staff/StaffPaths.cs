namespace HeadacheInfo.Web.Staff;

/// <summary>The staff area's addresses.</summary>
public static class StaffPaths
{
    public const string Folder = "/Staff";
    public const string Home = "/staff";
    public const string SignIn = "/staff/sign-in";
    public const string SignOut = "/staff/sign-out";

    /// <summary>
    /// The operations guide's HTTPS section, for the sign-in page over plain http in Production. The guide is in
    /// the project's files (docs/operations.md), not on the site; one place to change once it has a public address.
    /// </summary>
    public const string HttpsGuide = "docs/operations.md#https";
    public const string HttpsGuideName = "docs/operations.md, section HTTPS";
    public const string Guide = "/staff/guide";
}
