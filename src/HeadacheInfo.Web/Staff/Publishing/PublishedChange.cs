namespace HeadacheInfo.Web.Staff.Publishing;

/// <summary>A published change as the workflow makes it: an article's new text (or null: taken off the site) and the pictures it brings.</summary>
public sealed record PublishedChange(string Slug, string? Text, IReadOnlyList<(string Name, byte[] Bytes)> Pictures);
