using System.Buffers.Binary;
using SkiaSharp;

namespace HeadacheInfo.Web.ContentCheck;

/// <summary>
/// A PNG, JPEG or WebP is decoded in full before the site takes it, not judged by its first bytes: a small file
/// can claim a picture so large it stops a reader's phone, and a file that is half picture and half web page
/// must not pass as a picture. The size in the header is read first and a picture over the limit is refused
/// before anything is decoded; then every row is decoded, and input that is cut short, damaged, of another
/// format than its name, or with anything after the picture's end is refused.
/// </summary>
public static class RasterPictures
{
    /// <summary>Far more than a picture in an article needs; a phone photo is about 12 megapixels.</summary>
    public const int MaxSide = 10_000;

    public const long MaxPixels = 40_000_000;

    /// <summary>Why these bytes, which start like <paramref name="type"/>, are not a picture the site can take, or null.</summary>
    public static string? Problem(string label, string type, byte[] bytes)
    {
        var name = type switch { "image/png" => "PNG", "image/jpeg" => "JPEG", _ => "WebP" };
        // The codec owns the stream and disposes of it with itself.
        using var codec = SKCodec.Create(new SKMemoryStream(bytes), out var opened);
        if (codec is null)
        {
            return $"the picture '{label}' starts like a {name} but cannot be read as one ({Reason(opened)}); save it again as a {name}";
        }

        if (Format(codec.EncodedFormat) != type)
        {
            return $"the picture '{label}' starts like a {name} but is really another kind of file; save it again as a {name}";
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
        {
            return $"the picture '{label}' is {width} × {height} pixels; keep pictures to at most {MaxSide:N0} pixels a side " +
                $"and {MaxPixels / 1_000_000} megapixels (a phone photo is about 12)";
        }

        var decoded = Decode(codec);
        if (decoded != SKCodecResult.Success)
        {
            return $"the picture '{label}' is cut short or damaged ({Reason(decoded)}); save it again as a {name}";
        }

        return HasTrailingData(type, bytes)
            ? $"the picture '{label}' has something else after the end of the {name}; save it again as a {name}"
            : null;
    }

    /// <summary>Row by row where the format allows it, so a large picture never needs its whole size in memory.</summary>
    private static SKCodecResult Decode(SKCodec codec)
    {
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        if (codec.StartScanlineDecode(info) == SKCodecResult.Success)
        {
            using var row = new SKBitmap(new SKImageInfo(info.Width, 1, info.ColorType, info.AlphaType));
            for (var y = 0; y < info.Height; y++)
            {
                if (codec.GetScanlines(row.GetPixels(), 1, info.RowBytes) != 1)
                {
                    return SKCodecResult.IncompleteInput;
                }
            }

            return SKCodecResult.Success;
        }

        using var bitmap = new SKBitmap(info);
        return codec.GetPixels(info, bitmap.GetPixels());
    }

    private static string? Format(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Png => "image/png",
        SKEncodedImageFormat.Jpeg => "image/jpeg",
        SKEncodedImageFormat.Webp => "image/webp",
        _ => null,
    };

    private static string Reason(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "the file ends too soon",
        SKCodecResult.ErrorInInput => "the file has errors",
        _ => "the file is not a picture this site can read",
    };

    /// <summary>Cheap where the format marks its end: after PNG's IEND chunk, JPEG's end marker, or the WebP RIFF size.</summary>
    private static bool HasTrailingData(string type, byte[] bytes)
    {
        switch (type)
        {
            case "image/png":
                var at = 8;
                while (at + 12 <= bytes.Length)
                {
                    var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
                    var end = at + 12L + length;
                    if (end > bytes.Length)
                    {
                        return true;
                    }

                    if (bytes.AsSpan(at + 4, 4).SequenceEqual("IEND"u8))
                    {
                        return end != bytes.Length;
                    }

                    at = (int)end;
                }

                return true;
            case "image/jpeg":
                return bytes.Length < 2 || bytes[^2] != 0xFF || bytes[^1] != 0xD9;
            default:
                var riff = 8L + BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
                return riff + (riff % 2) < bytes.Length;
        }
    }
}
