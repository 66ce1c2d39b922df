using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// Pictures from the editor, as staff add them: uploaded with the draft, refused with the checker's reasons and
/// the author's words kept, shown to the reviewer, and on the site only once a reviewer approves the change.
/// </summary>
public sealed class PictureUploadTests(PictureUploadTests.Site site) : IClassFixture<PictureUploadTests.Site>
{
    /// <summary>A real 1 by 1 pixel PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private const string Drawing = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><circle cx='5' cy='5' r='4'/></svg>";

    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            foreach (var slug in new[] { "upload-flow", "refusals", "decorative", "clash", "pending-clash", "sizes", "svg-served", "pending-on-page", "returned" })
            {
                Content.WriteArticle(slug, $"Article {slug}");
            }

            Content.WriteArticle("with-diagram", "Article with a diagram",
                body: "## The nerves\n\n![The nerves of the neck and head](/images/nerve-diagram.svg)\n\n*The nerves meet at the top of the neck.*\n");
            Directory.CreateDirectory(Path.Combine(Content.Root, "images"));
            File.WriteAllText(Path.Combine(Content.Root, "images", "nerve-diagram.svg"), Drawing);
            File.WriteAllText(Path.Combine(Content.Root, "images", "old-drawing.svg"), Drawing);
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

    /// <summary>Opens the editor, types over the body, fills in the picture's boxes and presses Upload picture.</summary>
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> UploadAsync(
        StaffClient author, string slug, string body, string fileName, byte[] bytes, Dictionary<string, string> picture)
    {
        var url = $"/staff/articles/{slug}/edit";
        var (_, editor) = await author.GetAsync(url);
        Assert.Equal("multipart/form-data", editor.QuerySelector("form.article-form")!.GetAttribute("enctype"));
        var fields = new Dictionary<string, string>(picture) { ["Body"] = body };
        var response = await author.SubmitAsync(editor, url, fields, button: "upload-picture",
            files: new Dictionary<string, (string, byte[])> { ["Picture"] = (fileName, bytes) });
        return (response, await HeadacheInfoFactory.ReadPageAsync(response));
    }

    private static string BodyIn(IHtmlDocument page) => page.QuerySelector<IHtmlTextAreaElement>("textarea[name=Body]")!.Value;

    private async Task<List<RevisionPicture>> StoredPicturesAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffDbContext>().RevisionPictures.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task An_uploaded_picture_is_in_the_draft_only_until_a_reviewer_approves_it_then_patients_see_it()
    {
        using var author = await SignedInAsync("picture-author@clinic.example", StaffRoles.Author);
        var body = "## What it is\n\nA headache that starts in the neck.\n\n## A stretch\n\nTurn your head slowly.";

        var (uploaded, page) = await UploadAsync(author, "upload-flow", body, "neck-stretch.png", Png, new()
        {
            ["PictureAlt"] = "A person turning their head slowly to the left",
            ["PictureCaption"] = "Turn only as far as is comfortable.",
        });

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Contains("Picture neck-stretch.png added", page.QuerySelector("[data-editor-message]")?.TextContent, StringComparison.Ordinal);
        var newBody = BodyIn(page);
        Assert.StartsWith(body, newBody, StringComparison.Ordinal);
        Assert.EndsWith("![A person turning their head slowly to the left](/images/neck-stretch.png)\n\n*Turn only as far as is comfortable.*", newBody.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, page.QuerySelector<IHtmlInputElement>("input[name=PictureAlt]")!.Value);
        // The preview shows the draft's picture from the staff area; patients cannot reach it.
        var previewed = page.QuerySelector("[data-preview] img")!;
        Assert.Equal("/staff/pictures/file/neck-stretch.png", previewed.GetAttribute("src"));
        Assert.Equal("A person turning their head slowly to the left", previewed.GetAttribute("alt"));
        Assert.False(File.Exists(site.ImagePath("neck-stretch.png")));
        using (var publicPicture = await site.GetAsync("/images/neck-stretch.png"))
        {
            Assert.Equal(HttpStatusCode.NotFound, publicPicture.StatusCode);
        }

        using (var staffPicture = await author.Http.GetAsync(new Uri("/staff/pictures/file/neck-stretch.png", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, staffPicture.StatusCode);
            Assert.Equal("image/png", staffPicture.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", staffPicture.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("no-store", staffPicture.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            // Kept as its pixels only, encoded afresh (issue 33: nothing else of the file survives).
            AssertSamePixels(Png, await staffPicture.Content.ReadAsByteArrayAsync());
        }

        using (var stranger = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        using (var notSignedIn = await stranger.GetAsync(new Uri("/staff/pictures/file/neck-stretch.png", UriKind.Relative)))
        {
            Assert.NotEqual(HttpStatusCode.OK, notSignedIn.StatusCode);
        }

        // Send it: the picture goes with the text.
        using var sent = await author.SubmitAsync(page, "/staff/articles/upload-flow/edit", new Dictionary<string, string>(), button: "submit-for-review");
        Assert.Contains("Sent for review", (await HeadacheInfoFactory.ReadPageAsync(sent)).QuerySelector("[data-editor-message]")?.TextContent, StringComparison.Ordinal);
        Assert.False(File.Exists(site.ImagePath("neck-stretch.png")));

        using var reviewer = await SignedInAsync("picture-reviewer@clinic.example", StaffRoles.Reviewer);
        var (_, queue) = await reviewer.GetAsync("/staff/reviews");
        var id = queue.QuerySelector("[data-slug='upload-flow']")!.GetAttribute("data-revision");
        var (_, review) = await reviewer.GetAsync($"/staff/reviews/{id}");
        var shown = review.QuerySelector("[data-preview] img")!;
        Assert.Equal("/staff/pictures/file/neck-stretch.png", shown.GetAttribute("src"));
        Assert.DoesNotContain(review.QuerySelectorAll(".findings li[data-severity=error]"), li => li.TextContent.Contains("neck-stretch", StringComparison.Ordinal));
        using (var reviewerSees = await reviewer.Http.GetAsync(new Uri(shown.GetAttribute("src")!, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, reviewerSees.StatusCode);
        }

        using var approved = await reviewer.SubmitAsync(review, $"/staff/reviews/{id}", new Dictionary<string, string> { ["Comment"] = "Clear picture." }, button: "approve");
        Assert.NotNull((await HeadacheInfoFactory.ReadPageAsync(approved)).QuerySelector("[data-review-message]"));

        AssertSamePixels(Png, await File.ReadAllBytesAsync(site.ImagePath("neck-stretch.png")));
        var article = await Eventually.MatchesAsync(() => site.GetPageAsync("/articles/upload-flow"),
            p => p.QuerySelector("article img[src='/images/neck-stretch.png']") is not null, "the approved picture on the article page");
        Assert.Equal("A person turning their head slowly to the left", article.QuerySelector("article img[src='/images/neck-stretch.png']")!.GetAttribute("alt"));
        using var served = await site.GetAsync("/images/neck-stretch.png");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        AssertSamePixels(Png, await served.Content.ReadAsByteArrayAsync());
    }

    private static void AssertSamePixels(byte[] expected, byte[] actual)
    {
        using var want = SkiaSharp.SKBitmap.Decode(expected);
        using var got = SkiaSharp.SKBitmap.Decode(actual);
        Assert.Equal((want.Width, want.Height), (got.Width, got.Height));
        Assert.Equal(want.Pixels, got.Pixels);
        Assert.Equal("image/png", HeadacheInfo.Web.ContentCheck.PictureRules.TypeOf(actual));
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "too-big.png", "big-png", "has something else after the end of the PNG" },
        { "photo.png", "jpeg", "is named .png but the file is really a JPEG" },
        { "photo.jpg", "text", "is named .jpg but the file is not a JPEG" },
        { "drawing.svg", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "contains <script>" },
        { "drawing.svg", "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><rect width='1' height='1'/></svg>", "event attribute 'onload'" },
        { "drawing.svg", "<svg xmlns='http://www.w3.org/2000/svg'><image href='https://evil.example/x.png' width='1' height='1'/></svg>", "outside itself" },
        { "drawing.svg", "<!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><svg xmlns='http://www.w3.org/2000/svg'>&x;</svg>", "it has a DTD" },
        { "drawing.svg", "<svg xmlns='http://www.w3.org/2000/svg'><a><set attributeName='href' to='https://evil.example/'/><text>Tap</text></a></svg>", "outside itself" },
        { "drawing.svg", "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'><a><animate attributeName='xlink:href' values='https://evil.example/'/><text>Tap</text></a></svg>", "outside itself" },
        { "drawing.svg", "<svg xmlns='http://www.w3.org/2000/svg'><style>rect { fill: \\75 rl(https://evil.example/p.svg#p) }</style><rect width='1' height='1'/></svg>", "style that loads something from outside itself" },
        { "drawing.svg", "<svg xmlns='http://www.w3.org/2000/svg'><rect width='1' height='1' style='fill: u\\72l(https://evil.example/p.svg#p)'/></svg>", "loads something from outside itself" },
        { "drawing.svg", "<svg xmlns='http://www.w3.org/2000/svg'><style>@\\69mport 'https://evil.example/x.css';</style><rect width='1' height='1'/></svg>", "style that loads something from outside itself" },
        { "drawing.svg", "<svg xmlns='http://www.w3.org/2000/svg'><meta xmlns='http://www.w3.org/1999/xhtml' http-equiv='refresh' content='0;url=https://evil.example/'/><rect width='1' height='1'/></svg>", "contains <meta> from outside SVG" },
        { "drawing.svg", "<svg xmlns='http://www.w3.org/2000/svg'><img xmlns='http://www.w3.org/1999/xhtml' src='https://evil.example/x.png'/></svg>", "contains <img> from outside SVG" },
        { "drawing.svg", "<svg xmlns='http://www.w3.org/2000/svg'><meta http-equiv='refresh' content='0;url=https://evil.example/'/></svg>", "contains <meta>" },
        { "drawing.svg", "<svg xmlns='http://www.w3.org/2000/svg'><a href='#x'><animate attributeName='href' values='#x;https://evil.example/' dur='1s'/><text id='x'>Tap</text></a></svg>", "animates 'href'" },
        { "drawing.svg", "<svg xmlns='http://www.w3.org/2000/svg' xmlns:e='https://evil.example/ns'><rect e:src='https://evil.example/' width='1' height='1'/></svg>", "the attribute 'src' (https://evil.example/ns)" },
        { "drawing.png", "<svg xmlns='http://www.w3.org/2000/svg'><rect width='1' height='1'/></svg>", "is named .png but the file is really an SVG drawing" },
        { "moving.gif", "png", "is a GIF" },
        { "bomb.png", "png-bomb", "is 20000 × 20000 pixels; keep pictures to at most 10,000 pixels a side" },
        { "polyglot.png", "png-then-html", "has something else after the end of the PNG" },
        { "magic.png", "magic-then-html", "starts like a PNG but cannot be read as one" },
        { "truncated.png", "truncated-png", "is cut short or damaged" },
        { "page.jpg", "jpeg-html-body", "save it again as a JPEG" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_picture_the_checker_would_refuse_is_refused_with_the_reason_and_every_word_kept(string fileName, string contents, string reason)
    {
        using var author = await SignedInAsync("refused-author@clinic.example", StaffRoles.Author);
        var bytes = contents switch
        {
            "png" => Png,
            "big-png" => [.. Png, .. new byte[250 * 1024]],
            "jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'],
            "text" => Encoding.UTF8.GetBytes("not a picture at all"),
            "png-bomb" => TestPictures.PngBomb(20_000),
            "png-then-html" => TestPictures.PngThenHtml(),
            "magic-then-html" => TestPictures.MagicThenHtml(),
            "truncated-png" => TestPictures.TruncatedPng(),
            "jpeg-html-body" => TestPictures.JpegWithHtmlBody(),
            _ => Encoding.UTF8.GetBytes(contents),
        };
        var body = $"## Typed\n\nWords I must not lose ({fileName}), with a line\nbreak and --- a rule.";
        var before = await StoredPicturesAsync();

        var (response, page) = await UploadAsync(author, "refusals", body, fileName, bytes, new()
        {
            ["Title"] = "My new title",
            ["PictureAlt"] = "What it shows",
            ["PictureCaption"] = "My caption",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, page.QuerySelector("[data-editor-problem]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(body, BodyIn(page).Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("My new title", page.QuerySelector<IHtmlInputElement>("input[name=Title]")!.Value);
        Assert.Equal("What it shows", page.QuerySelector<IHtmlInputElement>("input[name=PictureAlt]")!.Value);
        Assert.Equal("My caption", page.QuerySelector<IHtmlInputElement>("input[name=PictureCaption]")!.Value);
        Assert.Equal(before.Count, (await StoredPicturesAsync()).Count);
        Assert.DoesNotContain(Directory.EnumerateFiles(Path.Combine(site.Content.Root, "images")), f => f.Contains("evil", StringComparison.Ordinal) || f.Contains("photo", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(site.Content.Root, "appsettings.png")));
    }

    [Fact]
    public async Task Pressing_enter_in_a_field_of_the_editor_never_uploads_a_picture()
    {
        using var author = await SignedInAsync("enter-author@clinic.example", StaffRoles.Author);
        var (_, editor) = await author.GetAsync("/staff/articles/new");

        // A browser submits a form on Enter with the first submit button in it, in document order.
        var first = editor.QuerySelector("form.article-form button[type=submit], form.article-form input[type=submit]")!;
        Assert.Equal("preview", first.GetAttribute("value"));
        Assert.NotNull(editor.QuerySelector("form.article-form [data-picture-upload] button[value=upload-picture]"));
    }

    [Fact]
    public async Task A_picture_without_alt_text_is_refused_unless_it_is_ticked_decorative_which_writes_an_empty_alt()
    {
        using var author = await SignedInAsync("decorative-author@clinic.example", StaffRoles.Author);

        var (_, refused) = await UploadAsync(author, "decorative", "## Kept\n\nMy words.", "swirl.png", Png, new() { ["PictureAlt"] = "  " });
        Assert.Contains("Describe the picture in 'Alt text'", refused.QuerySelector("[data-editor-problem]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("## Kept\n\nMy words.", BodyIn(refused).Replace("\r\n", "\n", StringComparison.Ordinal));

        var (_, added) = await UploadAsync(author, "decorative", "## Kept\n\nMy words.", "swirl.png", Png, new() { ["PictureDecorative"] = "true" });

        Assert.Null(added.QuerySelector("[data-editor-problem]"));
        Assert.EndsWith("![](/images/swirl.png \"decorative\")", BodyIn(added).TrimEnd(), StringComparison.Ordinal);
        var img = added.QuerySelector("[data-preview] img[src='/staff/pictures/file/swirl.png']")!;
        Assert.Equal(string.Empty, img.GetAttribute("alt"));
        Assert.Null(img.GetAttribute("title"));
        Assert.DoesNotContain(added.QuerySelectorAll(".findings li"), li => li.TextContent.Contains("alt text", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_already_on_the_site_or_waiting_in_another_draft_gets_a_number_and_nothing_is_overwritten()
    {
        using var author = await SignedInAsync("clash-author@clinic.example", StaffRoles.Author);
        var published = await File.ReadAllBytesAsync(site.ImagePath("nerve-diagram.svg"));

        var (_, onSite) = await UploadAsync(author, "clash", "## Mine\n\nText.", "nerve-diagram.svg", Encoding.UTF8.GetBytes(Drawing.Replace("r='4'", "r='2'", StringComparison.Ordinal)),
            new() { ["PictureAlt"] = "Another drawing" });

        Assert.Null(onSite.QuerySelector("[data-editor-problem]"));
        Assert.Contains("Picture nerve-diagram-2.svg added", onSite.QuerySelector("[data-editor-message]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(published, await File.ReadAllBytesAsync(site.ImagePath("nerve-diagram.svg")));
        Assert.StartsWith("## Mine\n\nText.", BodyIn(onSite).Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);

        using var other = await SignedInAsync("clash-other@clinic.example", StaffRoles.Author);
        var (_, first) = await UploadAsync(other, "pending-clash", "## Theirs\n\nText.", "shared-name.png", Png, new() { ["PictureAlt"] = "Theirs" });
        Assert.Null(first.QuerySelector("[data-editor-problem]"));
        var theirs = Assert.Single(await StoredPicturesAsync(), p => p.Name == "shared-name.png").Bytes;

        var (_, second) = await UploadAsync(author, "clash", "## Mine\n\nText.", "picture.png", TestPictures.Png(), new() { ["PictureAlt"] = "Mine", ["PictureName"] = "shared-name" });

        Assert.Contains("Picture shared-name-2.png added", second.QuerySelector("[data-editor-message]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(theirs, Assert.Single(await StoredPicturesAsync(), p => p.Name == "shared-name.png").Bytes);
    }

    [Fact]
    public async Task A_picture_over_20_MB_is_refused_on_the_form_and_a_huge_upload_gets_a_friendly_page_not_an_error()
    {
        using var author = await SignedInAsync("sizes-author@clinic.example", StaffRoles.Author);

        var (tooBig, page) = await UploadAsync(author, "sizes", "## Kept\n\nEvery word.", "photo.jpg", [.. TestPictures.Jpeg(), .. new byte[21 * 1024 * 1024]], new() { ["PictureAlt"] = "A photo" });

        Assert.Equal(HttpStatusCode.OK, tooBig.StatusCode);
        Assert.Contains("a picture can be at most 20 MB", page.QuerySelector("[data-editor-problem]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("## Kept\n\nEvery word.", BodyIn(page).Replace("\r\n", "\n", StringComparison.Ordinal));

        var (huge, tooLarge) = await UploadAsync(author, "sizes", "## Kept\n\nEvery word.", "photo.png", [.. Png, .. new byte[30 * 1024 * 1024]], new() { ["PictureAlt"] = "A photo" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("That was too large to send", tooLarge.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("20 MB or less", tooLarge.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drawing_is_served_to_staff_so_that_it_cannot_run_anything()
    {
        using var author = await SignedInAsync("svg-author@clinic.example", StaffRoles.Author);
        var (_, page) = await UploadAsync(author, "svg-served", "## Drawn\n\nText.", "a-circle.svg", Encoding.UTF8.GetBytes(Drawing), new() { ["PictureAlt"] = "A circle" });
        Assert.Null(page.QuerySelector("[data-editor-problem]"));

        using var served = await author.Http.GetAsync(new Uri("/staff/pictures/file/a-circle.svg", UriKind.Relative));

        Assert.Equal("image/svg+xml", served.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", served.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", served.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        using var traversal = await author.Http.GetAsync(new Uri("/staff/pictures/file/..%2f..%2fappsettings.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }

    [Fact]
    public async Task The_pictures_page_lists_each_picture_where_it_is_used_its_size_and_alt_text_and_the_dashboard_lists_unused_ones()
    {
        using var author = await SignedInAsync("pictures-page@clinic.example", StaffRoles.Author);

        var (_, nav) = await author.GetAsync("/staff");
        Assert.NotNull(nav.QuerySelector("nav.staff-nav a[href='/staff/pictures']"));
        var unused = nav.QuerySelectorAll("[data-unused-picture]").Select(li => li.GetAttribute("data-unused-picture")).ToList();
        Assert.Contains("old-drawing.svg", unused);
        Assert.DoesNotContain("nerve-diagram.svg", unused);

        var (response, pictures) = await author.GetAsync("/staff/pictures");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var diagram = pictures.QuerySelector("[data-picture='nerve-diagram.svg']")!;
        Assert.Equal("true", diagram.GetAttribute("data-on-site"));
        Assert.Equal(Drawing.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), diagram.QuerySelector("[data-size]")!.GetAttribute("data-size"));
        var use = diagram.QuerySelector("[data-used-in='with-diagram']")!;
        Assert.Equal("/articles/with-diagram", use.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("The nerves of the neck and head", use.QuerySelector("[data-alt]")!.TextContent);
        Assert.NotNull(pictures.QuerySelector("[data-picture='old-drawing.svg'] [data-unused]"));

        using var stranger = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var notSignedIn = await stranger.GetAsync(new Uri("/staff/pictures", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, notSignedIn.StatusCode);
    }

    [Fact]
    public async Task A_picture_waiting_in_a_draft_is_on_the_pictures_page_with_its_draft()
    {
        using var author = await SignedInAsync("pending-page@clinic.example", StaffRoles.Author);
        const string slug = "pending-on-page";
        var (_, page) = await UploadAsync(author, slug, "## Waiting\n\nText.", "waiting-picture.png", Png, new() { ["PictureAlt"] = "Waiting for a reviewer" });
        Assert.Null(page.QuerySelector("[data-editor-problem]"));

        var (_, pictures) = await author.GetAsync("/staff/pictures");

        var row = pictures.QuerySelector("[data-picture='waiting-picture.png']")!;
        Assert.Equal("false", row.GetAttribute("data-on-site"));
        Assert.Contains("Waiting for approval", row.TextContent, StringComparison.Ordinal);
        var use = row.QuerySelector($"[data-used-in='{slug}'][data-published='false']")!;
        Assert.Equal($"/staff/articles/{slug}/edit", use.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Waiting for a reviewer", use.QuerySelector("[data-alt]")!.TextContent);
        var kept = Assert.Single(await StoredPicturesAsync(), p => p.Name == "waiting-picture.png").Bytes;
        Assert.Equal(kept.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelector("[data-size]")!.GetAttribute("data-size"));
    }
    [Fact]
    public async Task A_picture_goes_with_its_text_when_the_change_is_returned_and_sent_again()
    {
        using var author = await SignedInAsync("return-author@clinic.example", StaffRoles.Author);
        var (_, uploaded) = await UploadAsync(author, "returned", "## Returned\n\nText.", "goes-back.png", Png, new() { ["PictureAlt"] = "It goes back and forth" });
        using (var sent = await author.SubmitAsync(uploaded, "/staff/articles/returned/edit", new Dictionary<string, string>(), button: "submit-for-review"))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        using var reviewer = await SignedInAsync("return-reviewer@clinic.example", StaffRoles.Reviewer);
        var (_, queue) = await reviewer.GetAsync("/staff/reviews");
        var id = queue.QuerySelector("[data-slug='returned']")!.GetAttribute("data-revision");
        (await reviewer.SubmitAsync($"/staff/reviews/{id}", new Dictionary<string, string> { ["Comment"] = "Say more." }, button: "return")).Dispose();

        var (_, editor) = await author.GetAsync("/staff/articles/returned/edit");
        Assert.Contains("![It goes back and forth](/images/goes-back.png)", BodyIn(editor), StringComparison.Ordinal);
        using var previewed = await author.SubmitAsync(editor, "/staff/articles/returned/edit", new Dictionary<string, string>(), button: "preview");
        var preview = await HeadacheInfoFactory.ReadPageAsync(previewed);
        Assert.NotNull(preview.QuerySelector("[data-preview] img[src='/staff/pictures/file/goes-back.png']"));
        Assert.DoesNotContain(preview.QuerySelectorAll(".findings li"), li => li.TextContent.Contains("goes-back.png", StringComparison.Ordinal));
        Assert.False(File.Exists(site.ImagePath("goes-back.png")));

        using var again = await author.SubmitAsync(preview, "/staff/articles/returned/edit", new Dictionary<string, string>(), button: "submit-for-review");
        Assert.Contains("Sent for review", (await HeadacheInfoFactory.ReadPageAsync(again)).QuerySelector("[data-editor-message]")?.TextContent, StringComparison.Ordinal);
    }
}
