namespace HeadacheInfo.Web.Staff;

/// <summary>The staff area's addresses.</summary>
public static class StaffPaths
{
    public const string Folder = "/Staff";
    public const string Home = "/staff";
    public const string SignIn = "/staff/sign-in";
    public const string SignOut = "/staff/sign-out";
    public const string ForgotPassword = "/staff/forgot-password";

    /// <summary>The writing guide; the staff guide is under it at <c>/staff</c>.</summary>
    public const string Guide = "/staff/guide";

    /// <summary>
    /// The operations guide's HTTPS section, served to anyone (the project's public documentation), for the
    /// sign-in page over plain http in Production: whoever reads that notice is not signed in.
    /// </summary>
    public const string HttpsGuide = "/staff/guide/https";
    public const string HttpsGuideName = "setting up HTTPS (from the operations guide, docs/operations.md)";
}
