using System.Collections.Concurrent;
using HeadacheInfo.Web.ContentCheck;
using SkiaSharp;

namespace HeadacheInfo.Web.Articles.Pictures;

/// <summary>
/// The sizes of the pictures in the images folder, read from each file's header (never its pixels), for the
/// article markup. Kept while a file's length and time are unchanged, so a page is rendered without reading
/// a picture twice; a name not found is not remembered, so a picture that arrives later is found then.
/// </summary>
public sealed class PictureSizeLookup(string imagesFolder)
{
    private readonly ConcurrentDictionary<string, (long Length, DateTime Written, WebPicture? Picture)> _known = new(StringComparer.Ordinal);

    public WebPicture? Find(string name)
    {
        if (!PictureRules.IsValidName(name) || name.EndsWith(".svg", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var file = new FileInfo(Path.Combine(imagesFolder, name));
            if (!file.Exists)
            {
                return null;
            }

            if (_known.TryGetValue(name, out var known) && known.Length == file.Length && known.Written == file.LastWriteTimeUtc)
            {
                return known.Picture;
            }

            var picture = Read(file);
            _known[name] = (file.Length, file.LastWriteTimeUtc, picture);
            return picture;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private WebPicture? Read(FileInfo file)
    {
        if (WidthOf(file.FullName) is not { } largest)
        {
            return null;
        }

        var sizes = new List<WebPictureSize>();
        foreach (var width in WebSizes.Smaller.Where(w => w < largest.Width))
        {
            var name = WebSizes.SizeName(file.Name, width);
            if (WidthOf(Path.Combine(imagesFolder, name)) is { } size && size.Width == width)
            {
                sizes.Add(new WebPictureSize(name, width));
            }
        }

        sizes.Add(new WebPictureSize(file.Name, largest.Width));
        return new WebPicture(file.Name, largest.Width, largest.Height, sizes);
    }

    /// <summary>The width and height in a file's header, as the reader will see them (turned as its orientation says).</summary>
    private static (int Width, int Height)? WidthOf(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var codec = SKCodec.Create(path);
        if (codec is null)
        {
            return null;
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        return codec.EncodedOrigin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom
            ? (height, width) : (width, height);
    }
}
