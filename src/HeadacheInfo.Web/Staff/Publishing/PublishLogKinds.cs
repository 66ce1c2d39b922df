namespace HeadacheInfo.Web.Staff.Publishing;

public static class PublishLogKinds
{
    public const string Article = "article";
    public const string Removed = "removed";
    public const string Picture = "picture";

    /// <summary>The site settings as a whole file (<see cref="PublishLogEntry.Text"/>), written as <c>site-settings.json</c> in each content folder.</summary>
    public const string SiteSettings = "site-settings";

    /// <summary>The search synonyms as a whole file, written as <c>synonyms.txt</c> in each content folder.</summary>
    public const string Synonyms = "synonyms";

    /// <summary>
    /// A reviewer signed off the symptom check: no file, only a wake-up, so each instance's reload reads the
    /// sign-off from the audit log. <see cref="PublishLogEntry.Hash"/> is the fingerprint signed.
    /// </summary>
    public const string CheckSignedOff = "check-signed-off";

    /// <summary>The name on a <see cref="CheckSignedOff"/> row: never a valid slug, so never taken for an article.</summary>
    public const string CheckSignedOffName = "(symptom-check)";
}
