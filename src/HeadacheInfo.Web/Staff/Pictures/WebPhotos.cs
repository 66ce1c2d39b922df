using System.Buffers.Binary;
using HeadacheInfo.Web.Articles.Pictures;
using HeadacheInfo.Web.ContentCheck;
using SkiaSharp;

namespace HeadacheInfo.Web.Staff.Pictures;

/// <summary>One web size made from an upload: its file name, pixels and freshly encoded bytes.</summary>
public sealed record WebPhotoFile(string Name, int Width, int Height, byte[] Bytes);

/// <summary>What became of an upload: its web sizes, largest last, or why it cannot be used.</summary>
public sealed record WebPhotoResult(IReadOnlyList<WebPhotoFile> Files, string? Problem)
{
    public static WebPhotoResult Refused(string problem) => new([], problem);
}

/// <summary>
/// Makes the web sizes of a photo from a phone or camera with SkiaSharp (Google's Skia, MIT-licensed, decoders
/// kept up to date with Chrome's): read, checked, turned the way the camera was held, scaled down to
/// <see cref="WebSizes"/> and encoded afresh. Nothing of the file but its pixels survives: no EXIF, no GPS
/// position, no camera serial, no colour profile (colours are converted to sRGB first), no data after the
/// picture (a phone's "motion photo" video). The header is read before any pixel, so a small file claiming
/// a huge picture is refused without the memory it asks for.
/// </summary>
public static class WebPhotos
{
    /// <summary>A phone photo is 2 to 8 MB; 20 MB takes any of them, and a camera's.</summary>
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    public const int JpegQuality = 82;

    public const float WebpQuality = 82;

    /// <summary>The web sizes of <paramref name="name"/> (a valid picture name whose ending matches <paramref name="type"/>).</summary>
    public static WebPhotoResult Make(string name, string type, byte[] bytes)
    {
        var kind = type switch { "image/png" => "PNG", "image/jpeg" => "JPEG", _ => "WebP" };
        if (type == "image/jpeg" && JpegComponents(bytes) == 4)
        {
            return WebPhotoResult.Refused($"the picture '{name}' is a JPEG in print colours (CMYK), which browsers show wrongly; save it again in screen colours (RGB or sRGB), or export it as a PNG");
        }

        // The codec owns the stream and disposes of it with itself.
        using var codec = SKCodec.Create(new SKMemoryStream(bytes), out var opened);
        if (codec is null)
        {
            return WebPhotoResult.Refused(opened == SKCodecResult.IncompleteInput
                ? $"the picture '{name}' is cut short or damaged (the file ends too soon): only part of it arrived; choose it again, or save it again as a {kind}"
                : $"the picture '{name}' starts like a {kind} but cannot be read as one (the file has errors); choose the photo itself, or save it again as a {kind}");
        }

        if (Format(codec.EncodedFormat) != type)
        {
            return WebPhotoResult.Refused($"the picture '{name}' starts like a {kind} but is really another kind of file; save it again as a {kind}");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || width > RasterPictures.MaxSide || height > RasterPictures.MaxSide || (long)width * height > RasterPictures.MaxPixels)
        {
            return WebPhotoResult.Refused($"the picture '{name}' is {width} × {height} pixels; keep pictures to at most {RasterPictures.MaxSide:N0} pixels a side " +
                $"and {RasterPictures.MaxPixels / 1_000_000} megapixels (a phone photo is about 12, some 4,000 × 3,000)");
        }

        if (codec.FrameCount > 1)
        {
            return WebPhotoResult.Refused($"the picture '{name}' is animated ({codec.FrameCount} frames); articles show still pictures only, so save the one frame you want as a JPEG or PNG");
        }

        var turned = codec.EncodedOrigin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var shownWidth = turned ? height : width;
        var widths = WebSizes.WidthsFor(shownWidth);

        // A JPEG can be decoded at 1/2, 1/4 or 1/8 of its size for a fraction of the work: the largest such
        // that is still at least the largest web size.
        var rawLargest = (int)Math.Ceiling((double)widths[^1] / shownWidth * width);
        var decodeSize = codec.GetScaledDimensions((float)widths[^1] / shownWidth);
        if (decodeSize.Width < rawLargest || decodeSize.Height < (int)Math.Ceiling((double)widths[^1] / shownWidth * height))
        {
            decodeSize = new SKSizeI(width, height);
        }

        var alpha = type == "image/jpeg" ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var info = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            return WebPhotoResult.Refused($"the picture '{name}' is cut short or damaged ({(result == SKCodecResult.IncompleteInput ? "the file ends too soon" : "the file has errors")}); " +
                $"choose it again, or save it again as a {kind}");
        }

        // A JPEG's trailer is left behind with the rest of the file (phones put a "motion photo" video there);
        // anything after a PNG or WebP is refused, as the checker refuses it.
        if (type != "image/jpeg" && HasTrailingData(type, bytes))
        {
            return WebPhotoResult.Refused($"the picture '{name}' has something else after the end of the {kind}; save it again as a {kind}");
        }

        var files = new List<WebPhotoFile>();
        SKBitmap source = decoded;
        try
        {
            // Largest first, each smaller size from the one before: never more than about half at a step.
            foreach (var target in widths.Reverse())
            {
                var targetHeight = Math.Max(1, (int)Math.Round((double)target / shownWidth * (turned ? width : height)));
                var (rawW, rawH) = turned ? (targetHeight, target) : (target, targetHeight);
                var scaled = source.Width == rawW && source.Height == rawH ? source : Scale(source, rawW, rawH);
                if (!ReferenceEquals(source, decoded) && !ReferenceEquals(source, scaled))
                {
                    source.Dispose();
                }

                source = scaled;
                using var shown = Orient(scaled, codec.EncodedOrigin);
                var fileName = target == widths[^1] ? name : WebSizes.SizeName(name, target);
                files.Add(new WebPhotoFile(fileName, shown.Width, shown.Height, Encode(shown, type)));
            }
        }
        finally
        {
            if (!ReferenceEquals(source, decoded))
            {
                source.Dispose();
            }
        }

        files.Reverse();
        return new WebPhotoResult(files, null);
    }

    private static SKBitmap Scale(SKBitmap source, int width, int height)
    {
        var scaled = new SKBitmap(source.Info.WithSize(width, height));
        source.ScalePixels(scaled, new SKSamplingOptions(SKCubicResampler.Mitchell));
        return scaled;
    }

    /// <summary>The pixels turned and flipped as the camera's orientation tag says, so the file needs no tag.</summary>
    private static SKBitmap Orient(SKBitmap raw, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return raw.Copy();
        }

        var (w, h) = (raw.Width, raw.Height);
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var shown = new SKBitmap(raw.Info.WithSize(turned ? h : w, turned ? w : h));
        using var canvas = new SKCanvas(shown);
        // x' = ScaleX·x + SkewX·y + TransX; y' = SkewY·x + ScaleY·y + TransY.
        canvas.SetMatrix(origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            _ => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        });
        using var image = SKImage.FromBitmap(raw);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        canvas.Flush();
        return shown;
    }

    /// <summary>Encoded with no colour space, so no profile is written either: the pixels are sRGB already.</summary>
    private static byte[] Encode(SKBitmap bitmap, string type)
    {
        using var pixmap = new SKPixmap(bitmap.Info.WithColorSpace(null), bitmap.GetPixels(), bitmap.RowBytes);
        using var data = type switch
        {
            "image/jpeg" => pixmap.Encode(new SKJpegEncoderOptions(JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)),
            "image/png" => pixmap.Encode(SKPngEncoderOptions.Default),
            _ => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, WebpQuality)),
        };
        return data?.ToArray() ?? throw new InvalidOperationException($"SkiaSharp could not encode {type}");
    }

    private static string? Format(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Png => "image/png",
        SKEncodedImageFormat.Jpeg => "image/jpeg",
        SKEncodedImageFormat.Webp => "image/webp",
        _ => null,
    };

    /// <summary>
    /// The number of colour components in a JPEG's frame header (3 for a photo, 4 for print colours), or null.
    /// Read from the markers alone: Skia would quietly convert CMYK, with colours that depend on a profile.
    /// </summary>
    private static int? JpegComponents(byte[] bytes)
    {
        var at = 2;
        while (at + 4 <= bytes.Length && bytes[at] == 0xFF)
        {
            var marker = bytes[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 2));
            // Start of frame: SOF0 to SOF15, except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return at + 9 < bytes.Length ? bytes[at + 9] : null;
            }

            if (marker == 0xDA)
            {
                return null;
            }

            at += 2 + length;
        }

        return null;
    }

    /// <summary>After PNG's IEND chunk or the WebP RIFF size: what <see cref="RasterPictures"/> refuses too.</summary>
    private static bool HasTrailingData(string type, byte[] bytes)
    {
        if (type == "image/png")
        {
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
        }

        var riff = 8L + BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        return riff + (riff % 2) < bytes.Length;
    }
}
