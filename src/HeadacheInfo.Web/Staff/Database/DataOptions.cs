namespace HeadacheInfo.Web.Staff.Database;

/// <summary>The <c>Data</c> section: where the embedded database lives.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";
    public const string DefaultFolderName = "data";
    public const string SqliteFileName = "staff.db";

    /// <summary>The folder for <c>staff.db</c>. Unset: a folder <c>data</c> beside the content folder.</summary>
    public string? Path { get; set; }
}
