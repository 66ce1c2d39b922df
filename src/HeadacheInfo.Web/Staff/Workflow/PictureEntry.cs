namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>One picture: in the images folder (on the site), or uploaded with a draft and waiting for approval.</summary>
public sealed record PictureEntry(string Name, long Size, bool OnSite, string? UploadedFor, string? UploadedBy, DateTimeOffset? UploadedAt, IReadOnlyList<PictureUse> UsedBy)
{
    /// <summary>Every web size kept of a photo, smallest first, the picture itself last; empty for a drawing.</summary>
    public IReadOnlyList<PictureSize> Sizes { get; init; } = [];

    public bool UsedOnSite => UsedBy.Any(u => u.Published);
}

/// <summary>One size of a photo: its file, pixels and bytes.</summary>
public sealed record PictureSize(string Name, int Width, int Height, long Bytes);
