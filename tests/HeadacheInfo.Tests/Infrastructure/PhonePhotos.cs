using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace HeadacheInfo.Tests.Infrastructure;

/// <summary>Photos as phones make them, built in the test: EXIF with a GPS position and an orientation, and odd kinds.</summary>
public static class PhonePhotos
{
    /// <summary>
    /// A JPEG stored sideways, as a phone held upright stores it: the left half of the stored pixels red, the
    /// right half blue, and EXIF saying "turn 90° clockwise" (6), so upright the top is red and the bottom blue.
    /// </summary>
    public static byte[] SidewaysWithGps(int storedWidth, int storedHeight)
    {
        using var bitmap = new SKBitmap(storedWidth, storedHeight);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var red = new SKPaint { Color = SKColors.Red };
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 0, storedWidth / 2f, storedHeight, red);
            canvas.DrawRect(storedWidth / 2f, 0, storedWidth / 2f, storedHeight, blue);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return WithExif(data.ToArray(), orientation: 6);
    }

    /// <summary>The JPEG with an APP1 EXIF segment after its start: the orientation, a GPS position and the camera's name.</summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation)
    {
        var tiff = new MemoryStream();
        void U16(int v) { Span<byte> b = stackalloc byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v); tiff.Write(b); }
        void U32(int v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)v); tiff.Write(b); }
        void Entry(int tag, int type, int count, int value) { U16(tag); U16(type); U32(count); U32(value); }

        tiff.Write("II"u8);
        U16(42);
        U32(8);
        // IFD0 at 8: orientation, camera model (at 50), GPS IFD (at 62).
        U16(3);
        Entry(0x0112, 3, 1, orientation);
        Entry(0x0110, 2, 12, 50);
        Entry(0x8825, 4, 1, 62);
        U32(0);
        tiff.Write("PhoneCam 15\0"u8);
        // GPS IFD at 62: latitude N 51° 30' 12.34", the clinic's or a patient's home.
        U16(2);
        Entry(0x0001, 2, 2, 'N');
        Entry(0x0002, 5, 3, 92);
        U32(0);
        U32(51); U32(1); U32(30); U32(1); U32(1234); U32(100);

        byte[] exif = [.. "Exif\0\0"u8, .. tiff.ToArray()];
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(exif.Length + 2));
        return [0xFF, 0xD8, 0xFF, 0xE1, .. length, .. exif, .. jpeg[2..]];
    }

    /// <summary>The segments of a JPEG before its picture data, as (marker, payload).</summary>
    public static IEnumerable<(byte Marker, byte[] Payload)> Segments(byte[] jpeg)
    {
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF && jpeg[at + 1] != 0xDA)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            yield return (jpeg[at + 1], jpeg[(at + 4)..(at + 2 + length)]);
            at += 2 + length;
        }
    }

    /// <summary>A JPEG header declaring four colour components: print colours (CMYK), as a designer's export.</summary>
    public static byte[] CmykJpeg()
    {
        byte[] adobe = [0xFF, 0xEE, 0, 14, .. "Adobe"u8, 0, 100, 0, 0, 0, 0, 2];
        byte[] frame = [0xFF, 0xC0, 0, 20, 8, 0, 16, 0, 16, 4, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0];
        return [0xFF, 0xD8, .. adobe, .. frame, 0xFF, 0xD9];
    }

    /// <summary>An animated WebP of two frames, each a real still WebP frame made by SkiaSharp.</summary>
    public static byte[] AnimatedWebp(int side = 32)
    {
        var still = TestPictures.Webp(side, side);
        var frame = still[12..];
        var body = new MemoryStream();
        body.Write("WEBP"u8);
        Chunk(body, "VP8X", [0x02, 0, 0, 0, .. Int24(side - 1), .. Int24(side - 1)]);
        Chunk(body, "ANIM", [0, 0, 0, 0, 0, 0]);
        for (var i = 0; i < 2; i++)
        {
            Chunk(body, "ANMF", [.. Int24(0), .. Int24(0), .. Int24(side - 1), .. Int24(side - 1), .. Int24(100), 0, .. frame]);
        }

        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)body.Length);
        return [.. "RIFF"u8, .. size, .. body.ToArray()];

        static byte[] Int24(int v) => [(byte)v, (byte)(v >> 8), (byte)(v >> 16)];
    }

    /// <summary>A small real PNG whose header claims <paramref name="width"/> × <paramref name="height"/>: a decompression bomb's header.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = TestPictures.PngBomb(8);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
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

    /// <summary>A GIF's first bytes: what a shared animation from a phone's keyboard is.</summary>
    public static byte[] Gif() => [.. Encoding.ASCII.GetBytes("GIF89a"), 1, 0, 1, 0, 0, 0, 0, 0x3B];

    private static void Chunk(Stream riff, string type, byte[] data)
    {
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
        riff.Write(Encoding.ASCII.GetBytes(type));
        riff.Write(size);
        riff.Write(data);
        if (data.Length % 2 == 1)
        {
            riff.WriteByte(0);
        }
    }
}
