using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using SkiaSharp;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// Photos straight from a phone (issue 33 §3): any name, up to 20 MB, kept at web sizes, turned upright, with no
/// location or camera details left in, shown with srcset, width and height; bad files refused, words kept.
/// </summary>
public sealed class PhonePhotoTests(PhonePhotoTests.Site site) : IClassFixture<PhonePhotoTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            foreach (var slug in new[] { "phone-photo", "bad-photos", "odd-names", "small-photo" })
            {
                Content.WriteArticle(slug, $"Article {slug}");
            }
        }

        public string ImagePath(string name) => Path.Combine(Content.Root, "images", name);
    }

    private async Task<StaffClient> SignedInAsync(string email, string role)
    {
        await StaffSeeding.AddAsync(site, email, role);
        var client = new StaffClient(site);
        (await client.SignInAsync(email, StaffSeeding.Password)).Dispose();
        return client;
    }

    private static async Task<IHtmlDocument> UploadAsync(StaffClient author, string slug, string body, string fileName, byte[] bytes, string alt = "A photo")
    {
        var url = $"/staff/articles/{slug}/edit";
        var (_, editor) = await author.GetAsync(url);
        using var response = await author.SubmitAsync(editor, url, new Dictionary<string, string> { ["Title"] = "My typed title", ["Body"] = body, ["PictureAlt"] = alt },
            button: "upload-picture", files: new Dictionary<string, (string, byte[])> { ["Picture"] = (fileName, bytes) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HeadacheInfoFactory.ReadPageAsync(response);
    }

    private static string BodyIn(IHtmlDocument page) => page.QuerySelector<IHtmlTextAreaElement>("textarea[name=Body]")!.Value.Replace("\r\n", "\n", StringComparison.Ordinal);

    private async Task ApproveAsync(StaffClient author, IHtmlDocument page, string slug)
    {
        (await author.SubmitAsync(page, $"/staff/articles/{slug}/edit", new Dictionary<string, string>(), button: "submit-for-review")).Dispose();
        using var reviewer = await SignedInAsync($"reviewer-{slug}@clinic.example", StaffRoles.Reviewer);
        var (_, queue) = await reviewer.GetAsync("/staff/reviews");
        var id = queue.QuerySelector($"[data-slug='{slug}']")!.GetAttribute("data-revision");
        var (_, review) = await reviewer.GetAsync($"/staff/reviews/{id}");
        using var approved = await reviewer.SubmitAsync(review, $"/staff/reviews/{id}", new Dictionary<string, string> { ["Comment"] = "Fine." }, button: "approve");
        Assert.NotNull((await HeadacheInfoFactory.ReadPageAsync(approved)).QuerySelector("[data-review-message]"));
    }

    [Fact]
    public async Task A_phone_photo_called_IMG_2034_JPG_is_kept_upright_at_480_960_and_1600_wide_with_no_location_and_the_article_shows_every_size()
    {
        using var author = await SignedInAsync("phone-author@clinic.example", StaffRoles.Author);
        // Stored 2400 × 1800 on its side: upright it is 1800 wide and 2400 tall.
        var photo = PhonePhotos.SidewaysWithGps(2400, 1800);

        var page = await UploadAsync(author, "phone-photo", "## Sitting\n\nSit tall.", "IMG_2034.JPG", photo, "A person sitting tall");

        Assert.Null(page.QuerySelector("[data-editor-problem]"));
        Assert.Contains("Picture img-2034.jpg added", page.QuerySelector("[data-editor-message]")?.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("![A person sitting tall](/images/img-2034.jpg)", BodyIn(page).TrimEnd(), StringComparison.Ordinal);

        await ApproveAsync(author, page, "phone-photo");

        foreach (var (name, width, height) in new[] { ("img-2034-480.jpg", 480, 640), ("img-2034-960.jpg", 960, 1280), ("img-2034.jpg", 1600, 2133) })
        {
            var stored = await File.ReadAllBytesAsync(site.ImagePath(name));
            using var codec = SKCodec.Create(new SKMemoryStream(stored));
            Assert.Equal((width, height), (codec.Info.Width, codec.Info.Height));
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
            // No EXIF (APP1), no colour profile or other metadata: only the picture's own segments.
            Assert.DoesNotContain(PhonePhotos.Segments(stored), s => s.Marker is >= 0xE1 and <= 0xEF || s.Marker == 0xFE);
            Assert.Equal(-1, stored.AsSpan().IndexOf("Exif"u8));
            Assert.Equal(-1, stored.AsSpan().IndexOf("PhoneCam"u8));
            // Upright: the red half of the stored pixels is now the top.
            using var bitmap = SKBitmap.Decode(stored);
            var top = bitmap.GetPixel(width / 2, height / 8);
            var bottom = bitmap.GetPixel(width / 2, height * 7 / 8);
            Assert.True(top.Red > 200 && top.Blue < 60, $"{name}: the top should be red, is {top}");
            Assert.True(bottom.Blue > 200 && bottom.Red < 60, $"{name}: the bottom should be blue, is {bottom}");
        }

        var article = await Eventually.MatchesAsync(() => site.GetPageAsync("/articles/phone-photo"),
            p => p.QuerySelector("article img[src='/images/img-2034.jpg']")?.GetAttribute("srcset") is not null, "the photo with its sizes on the article page");
        var img = article.QuerySelector("article img[src='/images/img-2034.jpg']")!;
        Assert.Equal("/images/img-2034-480.jpg 480w, /images/img-2034-960.jpg 960w, /images/img-2034.jpg 1600w", img.GetAttribute("srcset"));
        Assert.False(string.IsNullOrEmpty(img.GetAttribute("sizes")));
        Assert.Equal("1600", img.GetAttribute("width"));
        Assert.Equal("2133", img.GetAttribute("height"));
        Assert.Equal("A person sitting tall", img.GetAttribute("alt"));

        var (_, pictures) = await author.GetAsync("/staff/pictures");
        var row = pictures.QuerySelector("[data-picture='img-2034.jpg']")!;
        Assert.Equal(["480", "960", "1600"], row.QuerySelectorAll("[data-sizes] li").Select(li => li.GetAttribute("data-width")));
        Assert.Equal("A person sitting tall", row.QuerySelector("[data-used-in='phone-photo'] [data-alt]")!.TextContent);
        Assert.Null(pictures.QuerySelector("[data-picture='img-2034-480.jpg']"));
    }

    [Fact]
    public async Task A_photo_narrower_than_the_largest_size_is_never_made_larger()
    {
        using var author = await SignedInAsync("small-author@clinic.example", StaffRoles.Author);

        var page = await UploadAsync(author, "small-photo", "## Small\n\nText.", "small.png", TestPictures.Png(600, 300));

        Assert.Null(page.QuerySelector("[data-editor-problem]"));
        var (_, pictures) = await author.GetAsync("/staff/pictures");
        var sizes = pictures.QuerySelectorAll("[data-picture='small.png'] [data-sizes] li").Select(li => (li.GetAttribute("data-size-name"), li.GetAttribute("data-width"))).ToList();
        Assert.Equal([("small-480.png", "480"), ("small.png", "600")], sizes);
    }

    public static TheoryData<string, string, string> OddNames => new()
    {
        { "IMG 0042 (1).PNG", "img-0042-1.png", "png" },
        { "Photo at the Clinic.jpeg", "photo-at-the-clinic.jpg", "jpeg" },
        { "Café à la plage.jpeg", "cafe-a-la-plage.jpg", "jpeg" },
        { "../../appsettings.png", "appsettings.png", "png" },
        { "C:\\Users\\Me\\Desktop\\Neck Photo.png", "neck-photo.png", "png" },
        { "!!!.webp", "picture.webp", "webp" },
        { "photo", "photo.png", "png" },
        { "..\\..\\evil.png", "evil.png", "png" },
        { "/etc/evil.png", "evil.png", "png" },
    };

    [Theory]
    [MemberData(nameof(OddNames))]
    public async Task Any_file_name_is_made_into_a_safe_lower_case_name_and_never_refused(string given, string expected, string kind)
    {
        using var author = await SignedInAsync($"names-{Guid.NewGuid():N}@clinic.example", StaffRoles.Author);
        var bytes = kind switch { "jpeg" => TestPictures.Jpeg(40, 30), "webp" => TestPictures.Webp(40, 30), _ => TestPictures.Png(40, 30) };

        var page = await UploadAsync(author, "odd-names", "## Names\n\nText.", given, bytes);

        Assert.Null(page.QuerySelector("[data-editor-problem]"));
        var added = page.QuerySelector("[data-editor-message]")!.TextContent;
        var stem = expected[..expected.LastIndexOf('.')];
        var ending = expected[expected.LastIndexOf('.')..];
        // The same name uploaded again in another test run of this theory gets a number, never an overwrite.
        Assert.Matches($@"Picture {System.Text.RegularExpressions.Regex.Escape(stem)}(-\d+)?{System.Text.RegularExpressions.Regex.Escape(ending)} added", added);
        Assert.False(File.Exists(Path.Combine(site.Content.Root, "appsettings.png")));
    }

    /// <summary>Accents, as a name typed on a French or Spanish phone has them.</summary>
    [Fact]
    public void A_name_with_accents_keeps_its_letters_without_the_accents()
    {
        Assert.Equal("cafe-a-la-plage.jpg", HeadacheInfo.Web.Staff.Pictures.PictureNames.Normalise("Café à la plage.JPEG", "image/jpeg"));
        Assert.Equal("knee-480-photo.jpg", HeadacheInfo.Web.Staff.Pictures.PictureNames.Normalise("knee-480.jpg", "image/jpeg"));
    }

    [Fact]
    public async Task A_name_already_taken_gets_a_number_and_the_first_picture_is_untouched()
    {
        using var author = await SignedInAsync("clash-phone@clinic.example", StaffRoles.Author);
        var first = await UploadAsync(author, "odd-names", "## One\n\nText.", "knee.png", TestPictures.Png(20, 20));
        Assert.Contains("Picture knee.png added", first.QuerySelector("[data-editor-message]")?.TextContent, StringComparison.Ordinal);

        var second = await UploadAsync(author, "odd-names", BodyIn(first), "knee.png", TestPictures.Png(30, 30));

        Assert.Contains("Picture knee-2.png added", second.QuerySelector("[data-editor-message]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("(/images/knee.png)", BodyIn(second), StringComparison.Ordinal);
        Assert.Contains("(/images/knee-2.png)", BodyIn(second), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "not-a-photo.jpg", "text", "is named .jpg but the file is not a JPEG" },
        { "bomb.png", "bomb", "is 50000 × 50000 pixels; keep pictures to at most 10,000 pixels a side" },
        { "cut.jpg", "truncated", "is cut short or damaged" },
        { "moving.webp", "animated", "is animated (2 frames)" },
        { "moving.gif", "gif", "is a GIF" },
        { "print.jpg", "cmyk", "print colours (CMYK)" },
        { "IMG_1234.HEIC", "heic", "HEIC" },
        { "huge.jpg", "over-20-mb", "a picture can be at most 20 MB" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_photo_gets_a_clear_message_and_every_word_typed_is_kept(string fileName, string contents, string message)
    {
        using var author = await SignedInAsync($"bad-{contents}@clinic.example", StaffRoles.Author);
        var bytes = contents switch
        {
            "text" => "<html>not a photo</html>"u8.ToArray(),
            "bomb" => PhonePhotos.PngClaiming(50_000, 50_000),
            "truncated" => TestPictures.Jpeg(200, 200)[..(TestPictures.Jpeg(200, 200).Length * 6 / 10)],
            "animated" => PhonePhotos.AnimatedWebp(),
            "gif" => PhonePhotos.Gif(),
            "cmyk" => PhonePhotos.CmykJpeg(),
            "heic" => [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8],
            _ => [.. TestPictures.Jpeg(), .. new byte[21 * 1024 * 1024]],
        };
        var body = $"## Typed\n\nWords I must not lose ({fileName}).";

        var page = await UploadAsync(author, "bad-photos", body, fileName, bytes);

        Assert.Contains(message, page.QuerySelector("[data-editor-problem]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(body, BodyIn(page));
        Assert.Equal("My typed title", page.QuerySelector<IHtmlInputElement>("input[name=Title]")!.Value);
        Assert.Equal("A photo", page.QuerySelector<IHtmlInputElement>("input[name=PictureAlt]")!.Value);
    }
}
