namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>A picture a change would put on the site for the first time, and who uploaded it: a writer of that change.</summary>
public sealed record PictureGoingLive(string Name, string UploadedBy);
