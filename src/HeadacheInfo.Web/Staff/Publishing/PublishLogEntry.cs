namespace HeadacheInfo.Web.Staff.Publishing;

/// <summary>
/// One published change, with PostgreSQL: an article's whole text, an article taken off the site, or a picture.
/// Rows are only ever added, in the order of <see cref="Seq"/>; every instance applies them in that order to its
/// own content folder, so any instance can rebuild any article from the database alone. With SQLite the table
/// exists but stays empty: the content folder is the one truth.
/// </summary>
public sealed class PublishLogEntry
{
    /// <summary>The order of the log, from the database's identity sequence.</summary>
    public long Seq { get; set; }

    /// <summary>One of <see cref="PublishLogKinds"/>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The article's slug, or the picture's file name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The article's whole text, for <see cref="PublishLogKinds.Article"/>.</summary>
    public string? Text { get; set; }

    /// <summary>The picture's bytes, for <see cref="PublishLogKinds.Picture"/>.</summary>
    public byte[]? Bytes { get; set; }

    /// <summary>The fingerprint of the text (empty when removed), so an instance compares without reading the text.</summary>
    public string Hash { get; set; } = string.Empty;

    /// <summary>The instance that wrote the row (<c>Publishing:Instance</c>).</summary>
    public string Origin { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }
}
