namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>A picture as staff pages show it: from the images folder, or uploaded with a draft and not yet approved.</summary>
public sealed record PictureFile(string Name, string ContentType, byte[] Bytes, bool Published);
