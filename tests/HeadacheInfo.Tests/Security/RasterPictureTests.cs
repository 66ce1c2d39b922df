using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Tests.Security;

/// <summary>Raster pictures are decoded in full with SkiaSharp's native library, on this machine, before the site takes them.</summary>
public sealed class RasterPictureTests
{
    [Theory]
    [InlineData("photo.png")]
    [InlineData("photo.jpg")]
    [InlineData("photo.webp")]
    public void A_real_picture_made_and_read_back_by_the_native_library_is_taken(string name)
    {
        var bytes = name switch
        {
            "photo.png" => TestPictures.Png(40, 30),
            "photo.jpg" => TestPictures.Jpeg(40, 30),
            _ => TestPictures.Webp(40, 30),
        };

        Assert.Null(PictureRules.ContentProblem(name, name, bytes.Length, () => bytes));
    }

    [Fact]
    public void A_picture_with_only_its_first_bytes_right_is_refused_by_the_checker_too()
    {
        byte[] magic = [0x89, 0x50, 0x4E, 0x47];

        Assert.Contains("cannot be read as one", PictureRules.ContentProblem("/images/x.png", "x.png", magic.Length, () => magic), StringComparison.Ordinal);
    }

    [Fact]
    public void A_webp_with_a_web_page_after_it_is_refused()
    {
        byte[] bytes = [.. TestPictures.Webp(), .. "<html><script>alert(1)</script></html>"u8.ToArray()];

        Assert.Contains("after the end of the WebP", PictureRules.ContentProblem("x.webp", "x.webp", bytes.Length, () => bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_processing_instruction_inside_a_drawing_is_refused_as_the_readme_says()
    {
        var bytes = "<svg xmlns='http://www.w3.org/2000/svg'><?xml-stylesheet href='https://evil.example/x.css'?><rect width='1' height='1'/></svg>"u8.ToArray();

        Assert.Contains("processing instruction", PictureRules.ContentProblem("x.svg", "x.svg", bytes.Length, () => bytes), StringComparison.Ordinal);
    }
}
