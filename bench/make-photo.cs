#:package SkiaSharp
#:package SkiaSharp.NativeAssets.Linux.NoDependencies
#:property PublishAot=false
// Writes a 4000 × 3000 (12-megapixel) JPEG of about 5 MB, as a phone makes one, for bench/photos.sh:
//   dotnet run bench/make-photo.cs -- OUT.jpg
// Soft gradients with fine noise, so it compresses like a photo of a room rather than like flat colour.
using SkiaSharp;

var (width, height) = (4000, 3000);
using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
var pixels = bitmap.GetPixelSpan();
var random = new Random(2034);
for (var y = 0; y < height; y++)
{
    for (var x = 0; x < width; x++)
    {
        var at = (y * width + x) * 4;
        var noise = random.Next(48) - 24;
        pixels[at] = (byte)Math.Clamp(x * 200 / width + 30 + noise, 0, 255);
        pixels[at + 1] = (byte)Math.Clamp(y * 180 / height + 40 + noise, 0, 255);
        pixels[at + 2] = (byte)Math.Clamp((x + y) * 120 / (width + height) + 80 + noise, 0, 255);
        pixels[at + 3] = 255;
    }
}

using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 92);
File.WriteAllBytes(args[0], data.ToArray());
Console.WriteLine($"{args[0]}: {width} x {height}, {data.Size / 1024} KB");
