namespace HeadacheInfo.Web.Articles.Pictures;

/// <summary>A raster picture as a page shows it: its largest size's pixels, and every size there is, smallest first.</summary>
public sealed record WebPicture(string Name, int Width, int Height, IReadOnlyList<WebPictureSize> Sizes);

/// <summary>One size of a picture: its file name and width in pixels.</summary>
public sealed record WebPictureSize(string Name, int Width);
