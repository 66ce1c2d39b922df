namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>One picture: in the images folder (on the site), or uploaded with a draft and waiting for approval.</summary>
public sealed record PictureEntry(string Name, long Size, bool OnSite, string? UploadedFor, string? UploadedBy, DateTimeOffset? UploadedAt, IReadOnlyList<PictureUse> UsedBy)
{
    public bool UsedOnSite => UsedBy.Any(u => u.Published);
}
