namespace HeadacheInfo.Web.Hosting;

/// <summary>The <c>DataProtection</c> section.</summary>
public sealed class DataProtectionSettings
{
    public const string Section = "DataProtection";

    /// <summary>
    /// A folder shared by every instance for the keys that sign antiforgery tokens, so a form served by one
    /// instance can be posted to another. Unset: each instance keeps its own keys.
    /// </summary>
    public string? KeysPath { get; set; }
}
