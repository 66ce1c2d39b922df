using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace HeadacheInfo.Tests.Infrastructure;

/// <summary>Real pictures made in the test with SkiaSharp, and the hostile files an attacker uploads instead.</summary>
public static class TestPictures
{
    public static byte[] Encoded(SKEncodedImageFormat format, int width = 16, int height = 16)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(width * 31 + height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                // Noise, so the compressed data is long enough to cut short.
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    public static byte[] Png(int width = 16, int height = 16) => Encoded(SKEncodedImageFormat.Png, width, height);

    public static byte[] Jpeg(int width = 16, int height = 16) => Encoded(SKEncodedImageFormat.Jpeg, width, height);

    public static byte[] Webp(int width = 16, int height = 16) => Encoded(SKEncodedImageFormat.Webp, width, height);

    /// <summary>A black 1-bit greyscale PNG written by hand: tiny on disk, <paramref name="side"/> squared pixels once decoded.</summary>
    public static byte[] PngBomb(int side)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, side);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 1;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + (side + 7) / 8];
            for (var y = 0; y < side; y++)
            {
                zlib.Write(row);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] PngThenHtml() => [.. Png(), .. Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")];

    public static byte[] MagicThenHtml() => [0x89, (byte)'P', (byte)'N', (byte)'G', .. Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")];

    public static byte[] TruncatedPng()
    {
        var whole = Png(64, 64);
        return whole[..(whole.Length * 6 / 10)];
    }

    /// <summary>A JPEG's first segment, then a web page where the picture should be, then the end marker.</summary>
    public static byte[] JpegWithHtmlBody()
    {
        var jpeg = Jpeg();
        var app0 = 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        return [.. jpeg[..app0], .. Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), 0xFF, 0xD9];
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
