namespace HeadacheInfo.Web.Staff.Database;

/// <summary>
/// A picture uploaded in the editor, kept in the database with the draft it was uploaded with: the bytes, the
/// type its own first bytes show, its name, who and when. It reaches <c>content/images/</c> only when a change
/// whose text shows it is approved. A name is never reused for other bytes, so a text's pictures are exactly
/// the names it shows, through every save, send, return, approval, restore and roll-back.
/// </summary>
public sealed class RevisionPicture
{
    public long Id { get; set; }

    /// <summary>The file name, such as neck-stretch.png: unique, and the name it is written under.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The article it was uploaded for.</summary>
    public string Slug { get; set; } = string.Empty;

    /// <summary>The draft revision saved with the upload.</summary>
    public long RevisionId { get; set; }

    public ArticleRevision? Revision { get; set; }

    public string ContentType { get; set; } = string.Empty;

    public byte[] Bytes { get; set; } = [];

    /// <summary>The alternative text it was uploaded with (empty for a decorative picture).</summary>
    public string Alt { get; set; } = string.Empty;

    public string? Caption { get; set; }

    /// <summary>The email of the account that uploaded it.</summary>
    public string UploadedBy { get; set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>
    /// While uploading only: the smaller web sizes made with this picture (<c>knee-480.jpg</c>...), saved as
    /// pictures of their own beside it, so they travel with it through review and the publish log.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public List<RevisionPicture> Sizes { get; } = [];
}
