using HeadacheInfo.Web.Articles.Pictures;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;

namespace HeadacheInfo.Web.Staff.Pictures;

/// <summary>An upload as the rows kept with the draft: the picture the text names, carrying its smaller web sizes.</summary>
public static class WebPictureRows
{
    /// <param name="name">The free name chosen for it, which may differ from the prepared one by a number.</param>
    public static RevisionPicture For(PictureIntake.Result prepared, string name, string slug, PictureUpload upload, string uploadedBy, DateTimeOffset at)
    {
        RevisionPicture Row(string fileName, byte[] bytes) => new()
        {
            Name = fileName,
            Slug = slug,
            ContentType = prepared.ContentType,
            Bytes = bytes,
            Alt = upload.Decorative ? string.Empty : upload.Alt!.Trim(),
            Caption = string.IsNullOrWhiteSpace(upload.Caption) ? null : upload.Caption.Trim(),
            UploadedBy = uploadedBy,
            UploadedAt = at,
        };

        var largest = Row(name, prepared.Files[^1].Bytes);
        largest.Sizes.AddRange(prepared.Files.SkipLast(1).Select(f => Row(WebSizes.SizeName(name, f.Width), f.Bytes)));
        return largest;
    }
}
