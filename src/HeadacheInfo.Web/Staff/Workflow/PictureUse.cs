namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>Where a picture is shown: an article on the site, or a change in progress, with the alt text written there.</summary>
public sealed record PictureUse(string Slug, string Title, string Alt, bool Published);
