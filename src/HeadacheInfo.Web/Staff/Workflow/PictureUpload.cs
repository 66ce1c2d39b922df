namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>A picture chosen in the editor: its name, bytes and words, and where in the body it goes.</summary>
/// <param name="After">Text in the body: the picture goes after the paragraph holding it. Empty: at the end.</param>
public sealed record PictureUpload(string Name, byte[] Bytes, string? Alt, bool Decorative, string? Caption, string? After)
{
    public const int MaxAlt = 500;
    public const int MaxCaption = 500;
}
