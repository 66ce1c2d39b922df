using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.SiteSettings;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// /staff/site-settings: an admin sets the clinic's name, logo, accent colour, contact details and the search
/// synonyms in the browser; the emergency numbers stay in configuration; bad input is refused with the typing kept.
/// </summary>
public sealed class SiteSettingsTests(SiteSettingsTests.Site site) : IClassFixture<SiteSettingsTests.Site>
{
    private const string Page = "/staff/site-settings";

    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain");
            Content.WriteArticle("whiplash", "Whiplash after a crash");
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
        }
    }

    /// <summary>A fresh admin, signed in with two-step sign-in set up, as a person would.</summary>
    private async Task<StaffClient> AdminAsync([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var email = $"admin-{test.GetHashCode(StringComparison.Ordinal):x8}@clinic.example";
        await StaffSeeding.AddAsync(site, email, StaffRoles.Admin);
        var admin = new StaffClient(site);
        await StaffSeeding.SignInAsAdminAsync(admin, email);
        return admin;
    }

    private static async Task<IHtmlDocument> SaveAsync(StaffClient admin, Dictionary<string, string> fields,
        IDictionary<string, (string FileName, byte[] Bytes)>? files = null)
    {
        var (_, form) = await admin.GetAsync(Page);
        using var saved = await admin.SubmitAsync(form, Page, fields, button: "save-settings", files: files);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.True(saved.Headers.CacheControl?.NoStore);
        return await HeadacheInfoFactory.ReadPageAsync(saved);
    }

    private static string Problem(IHtmlDocument page) => page.QuerySelector("[data-settings-problem]")?.TextContent ?? string.Empty;

    private static string Value(IHtmlDocument page, string name) =>
        page.QuerySelector($"[name='{name}']") switch
        {
            IHtmlTextAreaElement area => area.Value,
            IHtmlInputElement input => input.Value,
            _ => throw new InvalidOperationException(name + " is not on the page"),
        };

    [Fact]
    public async Task An_admin_changes_the_clinic_name_colour_and_contact_details_and_the_home_page_shows_them_with_the_audit_saying_before_and_after()
    {
        using var admin = await AdminAsync();

        var answer = await SaveAsync(admin, new()
        {
            ["ClinicName"] = "Riverside Physiotherapy",
            ["AccentColour"] = "#1d4d2b",
            ["Phone"] = "0161 555 0199",
            ["BookingUrl"] = "https://riverside.example/book",
            ["PostalAddress"] = "1 River Street\nManchester\nM1 1AA",
            ["OpeningHours"] = "Monday to Friday 9am to 5pm\nSaturday 9am to 12 noon",
        });

        Assert.Contains("Saved", answer.QuerySelector("[data-settings-message]")!.TextContent, StringComparison.Ordinal);
        var home = await site.GetPageAsync("/");
        Assert.Equal("Riverside Physiotherapy", home.QuerySelector(".site-header .site-name")!.TextContent.Trim());
        Assert.EndsWith("- Riverside Physiotherapy", home.Title, StringComparison.Ordinal);
        Assert.Contains("0161 555 0199", home.QuerySelector(".site-phone")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("M1 1AA", home.QuerySelector("[data-postal-address]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Saturday 9am to 12 noon", home.QuerySelector("[data-opening-hours]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://riverside.example/book", home.QuerySelector("a[data-booking]")!.GetAttribute("href"));

        var theme = home.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("/theme.css", StringComparison.Ordinal));
        var css = await (await site.GetAsync(theme)).Content.ReadAsStringAsync();
        Assert.Contains("--accent: #1d4d2b", css, StringComparison.Ordinal);

        using var data = JsonDocument.Parse(home.QuerySelector("script[data-clinic-data]")!.TextContent);
        Assert.Equal("MedicalClinic", data.RootElement.GetProperty("@type").GetString());
        Assert.Equal("Riverside Physiotherapy", data.RootElement.GetProperty("name").GetString());
        Assert.Equal("0161 555 0199", data.RootElement.GetProperty("telephone").GetString());

        // The emergency numbers are still configuration's.
        Assert.Contains("999", home.QuerySelector(".site-footer")!.TextContent, StringComparison.Ordinal);

        var (_, audit) = await admin.GetAsync("/staff/audit?event=site-settings-saved");
        // Newest first: this save's row, with each changed field before and after.
        var row = audit.QuerySelector("tr[data-event='site-settings-saved']")!.TextContent;
        Assert.Matches("ClinicName: \"[^\"]*\" → \"Riverside Physiotherapy\"", row);
        Assert.Contains("→ \"#1d4d2b\"", row, StringComparison.Ordinal);
        Assert.Matches("PostalAddress: [^;]* → \"1 River Street / Manchester / M1 1AA\"", row);
    }

    [Fact]
    public async Task An_author_or_a_reviewer_gets_the_same_refusal_as_on_the_accounts_page_and_their_post_changes_nothing()
    {
        foreach (var (email, role) in new[] { ("settings-author@clinic.example", StaffRoles.Author), ("settings-reviewer@clinic.example", StaffRoles.Reviewer) })
        {
            using var client = await StaffSeeding.SignedInAsync(site, email, role);
            var (accounts, _) = await client.GetAsync("/staff/accounts");
            var (settings, _) = await client.GetAsync(Page);
            Assert.Equal(HttpStatusCode.Forbidden, accounts.StatusCode);
            Assert.Equal(accounts.StatusCode, settings.StatusCode);
            Assert.True(settings.Headers.CacheControl?.NoStore);

            // Even with a form token from a page they may see, a post is refused too.
            var (_, dashboard) = await client.GetAsync("/staff");
            var token = dashboard.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var posted = await client.Http.PostAsync(new Uri(Page, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["action"] = "save-settings", ["ClinicName"] = "Taken over", ["AccentColour"] = "#000000",
            }));
            Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        }

        var home = await site.GetPageAsync("/");
        Assert.DoesNotContain("Taken over", home.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_form_token_is_refused()
    {
        using var admin = await AdminAsync();

        using var posted = await admin.Http.PostAsync(new Uri(Page, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "save-settings", ["ClinicName"] = "No token", ["AccentColour"] = "#000000",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.DoesNotContain("No token", (await site.GetPageAsync("/")).DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_post_with_the_emergency_and_urgent_advice_numbers_and_names_changes_none_of_them()
    {
        using var admin = await AdminAsync();
        var (_, form) = await admin.GetAsync(Page);
        foreach (var name in new[] { "EmergencyNumber", "UrgentAdviceNumber", "UrgentAdviceName", "UrgentCareName", "EmergencyDepartmentName", "UrgentAdviceUrl" })
        {
            Assert.Null(form.QuerySelector($"[name='{name}']"));
        }

        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["action"] = "save-settings", ["ClinicName"] = "Forged Clinic", ["AccentColour"] = "#00548f",
            ["EmergencyNumber"] = "0900 123 456", ["UrgentAdviceNumber"] = "0900 654 321", ["UrgentAdviceName"] = "Premium Line",
            ["UrgentCareName"] = "our shop", ["EmergencyDepartmentName"] = "our clinic", ["UrgentAdviceUrl"] = "https://evil.example",
            ["Clinic:EmergencyNumber"] = "0900 123 456",
        })
        {
            content.Add(new StringContent(value), name);
        }

        using var posted = await admin.Http.PostAsync(new Uri(Page, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var home = await site.GetPageAsync("/");
        Assert.Equal("Forged Clinic", home.QuerySelector(".site-header .site-name")!.TextContent.Trim());
        var html = home.DocumentElement.OuterHtml + (await site.GetPageAsync("/symptom-check")).DocumentElement.OuterHtml;
        foreach (var forged in new[] { "0900 123 456", "0900 654 321", "Premium Line", "our shop", "our clinic", "evil.example" })
        {
            Assert.DoesNotContain(forged, html, StringComparison.Ordinal);
        }

        Assert.Contains("tel:999", html, StringComparison.Ordinal);
        Assert.DoesNotContain("0900", File.ReadAllText(Path.Combine(site.Content.Root, SiteSettings.FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_too_light_accent_colour_is_refused_offering_the_nearest_colour_that_passes_and_the_typed_values_stay()
    {
        using var admin = await AdminAsync();

        var refused = await SaveAsync(admin, new()
        {
            ["ClinicName"] = "Light Clinic",
            ["AccentColour"] = "#66aaff",
            ["PostalAddress"] = "2 Bright Road\nLeeds",
        });

        var problem = Problem(refused);
        Assert.Contains("#66aaff is too light", problem, StringComparison.Ordinal);
        Assert.Contains("white text on accent buttons", problem, StringComparison.Ordinal);
        var nearest = System.Text.RegularExpressions.Regex.Match(problem, "nearest colour that passes everywhere is (#[0-9a-f]{6})").Groups[1].Value;
        Assert.Empty(AccentColours.Failures(nearest));
        Assert.Equal("Light Clinic", Value(refused, "ClinicName"));
        Assert.Equal("#66aaff", Value(refused, "AccentColour"));
        Assert.Equal("2 Bright Road\nLeeds", Value(refused, "PostalAddress").Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.DoesNotContain("Light Clinic", (await site.GetPageAsync("/")).DocumentElement.OuterHtml, StringComparison.Ordinal);

        // The colour offered is taken as it is.
        var taken = await SaveAsync(admin, new() { ["ClinicName"] = "Light Clinic", ["AccentColour"] = nearest });
        Assert.Equal(string.Empty, Problem(taken));
        Assert.Equal(nearest, Value(taken, "AccentColour"));
    }

    [Theory]
    [InlineData("not a colour")]
    [InlineData("#12345")]
    [InlineData("red")]
    [InlineData("")]
    public async Task An_accent_that_is_not_a_hex_colour_is_refused_with_a_clear_message(string colour)
    {
        using var admin = await AdminAsync("invalid-colour-" + colour);

        var refused = await SaveAsync(admin, new() { ["ClinicName"] = "Colour Clinic", ["AccentColour"] = colour });

        Assert.Contains("Enter the accent colour as a hex colour", Problem(refused), StringComparison.Ordinal);
        Assert.Equal("Colour Clinic", Value(refused, "ClinicName"));
    }

    [Fact]
    public async Task Line_breaks_control_characters_and_megabytes_in_one_line_fields_are_refused_keeping_the_rest()
    {
        using var admin = await AdminAsync();

        var broken = await SaveAsync(admin, new() { ["ClinicName"] = "Two\nLines", ["AccentColour"] = "#00548f", ["Phone"] = "0161 555 0100" });
        Assert.Contains("The clinic name must be one line", Problem(broken), StringComparison.Ordinal);
        Assert.Equal("0161 555 0100", Value(broken, "Phone"));

        var control = await SaveAsync(admin, new() { ["ClinicName"] = "Bell\u0007Clinic", ["AccentColour"] = "#00548f" });
        Assert.Contains("U+0007", Problem(control), StringComparison.Ordinal);

        var huge = await SaveAsync(admin, new() { ["ClinicName"] = new string('a', 900_000), ["AccentColour"] = "#00548f", ["OpeningHours"] = "Mondays" });
        Assert.Contains("keep it to 100 or fewer", Problem(huge), StringComparison.Ordinal);
        Assert.Equal("Mondays", Value(huge, "OpeningHours"));

        var booking = await SaveAsync(admin, new() { ["ClinicName"] = "Clinic", ["AccentColour"] = "#00548f", ["BookingUrl"] = "javascript:alert(1)" });
        Assert.Contains("starting with https://", Problem(booking), StringComparison.Ordinal);

        Assert.False(File.Exists(Path.Combine(site.Content.Root, SiteSettings.FileName)) &&
            File.ReadAllText(Path.Combine(site.Content.Root, SiteSettings.FileName)).Contains("Bell", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Html_script_and_yaml_typed_in_the_fields_are_shown_as_text_on_every_page()
    {
        using var admin = await AdminAsync();
        const string name = "<script>alert(1)</script> & Co";
        const string address = "---\ntitle: <b>bold</b>\n\"></p><img src=x onerror=alert(1)>";

        var saved = await SaveAsync(admin, new() { ["ClinicName"] = name, ["AccentColour"] = "#00548f", ["PostalAddress"] = address });

        Assert.Equal(string.Empty, Problem(saved));
        var response = await site.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var home = await site.GetPageAsync("/");
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Equal(name, home.QuerySelector(".site-header .site-name")!.TextContent.Trim());
        Assert.Contains("title: <b>bold</b>", home.QuerySelector("[data-postal-address]")!.TextContent, StringComparison.Ordinal);
        using var data = JsonDocument.Parse(home.QuerySelector("script[data-clinic-data]")!.TextContent);
        Assert.Equal(name, data.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_png_logo_is_shown_in_the_header_at_a_fixed_height_with_the_clinic_name_as_its_alt_text()
    {
        using var admin = await AdminAsync();

        var saved = await SaveAsync(admin, new() { ["ClinicName"] = "Logo Clinic", ["AccentColour"] = "#00548f" },
            new Dictionary<string, (string, byte[])> { ["Logo"] = ("IMG 0042.PNG", TestPictures.Png(120, 40)) });

        Assert.Equal(string.Empty, Problem(saved));
        var home = await site.GetPageAsync("/");
        var logo = home.QuerySelector(".site-header img[data-site-logo]")!;
        Assert.Equal("Logo Clinic", logo.GetAttribute("alt"));
        Assert.Equal("48", logo.GetAttribute("height"));
        var picture = await site.GetAsync(logo.GetAttribute("src")!);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);

        // Saving the other fields again keeps the logo; ticking the box takes it off.
        await SaveAsync(admin, new() { ["ClinicName"] = "Logo Clinic", ["AccentColour"] = "#00548f", ["Phone"] = "0161 555 0100" });
        Assert.NotNull((await site.GetPageAsync("/")).QuerySelector("img[data-site-logo]"));
        await SaveAsync(admin, new() { ["ClinicName"] = "Logo Clinic", ["AccentColour"] = "#00548f", ["RemoveLogo"] = "true" });
        Assert.Null((await site.GetPageAsync("/")).QuerySelector("img[data-site-logo]"));
    }

    public static TheoryData<string, byte[], string> BadLogos => new()
    {
        { "logo.png", Encoding.UTF8.GetBytes("<html><body>not a picture</body></html>"), "must be a PNG picture or an SVG drawing" },
        { "logo.jpg", TestPictures.Jpeg(), "must be a PNG picture or an SVG drawing" },
        { "bomb.png", TestPictures.PngBomb(30_000), "pixels" },
        { "logo.svg", Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"), "script" },
        { "big.png", [.. TestPictures.Png(), .. new byte[300 * 1024]], "KB" },
    };

    [Theory]
    [MemberData(nameof(BadLogos))]
    public async Task A_logo_that_is_not_a_png_or_svg_picture_or_is_a_decompression_bomb_is_refused_keeping_what_was_typed(string fileName, byte[] bytes, string said)
    {
        using var admin = await AdminAsync("bad-logo-" + fileName);

        var refused = await SaveAsync(admin, new() { ["ClinicName"] = "Bad Logo Clinic", ["AccentColour"] = "#123456" },
            new Dictionary<string, (string, byte[])> { ["Logo"] = (fileName, bytes) });

        Assert.Contains(said, Problem(refused), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Bad Logo Clinic", Value(refused, "ClinicName"));
        Assert.Equal("#123456", Value(refused, "AccentColour"));
        Assert.DoesNotContain("Bad Logo Clinic", (await site.GetPageAsync("/")).DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_synonyms_are_checked_and_once_saved_a_search_for_one_word_finds_articles_using_the_other()
    {
        using var admin = await AdminAsync();
        var before = await site.GetPageAsync("/search?q=collision");
        Assert.Empty(before.QuerySelectorAll("main a[href='/articles/whiplash']"));

        var (_, form) = await admin.GetAsync(Page);
        using var bad = await admin.SubmitAsync(form, Page, new Dictionary<string, string> { ["Synonyms"] = "crash, collision\njust-one-word\n" }, button: "save-synonyms");
        var refused = await HeadacheInfoFactory.ReadPageAsync(bad);
        Assert.Contains("line 2", Problem(refused), StringComparison.Ordinal);
        Assert.Contains("just-one-word", Value(refused, "Synonyms"), StringComparison.Ordinal);

        using var good = await admin.SubmitAsync(refused, Page, new Dictionary<string, string> { ["Synonyms"] = "# words people use\ncrash, collision" }, button: "save-synonyms");
        var saved = await HeadacheInfoFactory.ReadPageAsync(good);
        Assert.Equal(string.Empty, Problem(saved));
        Assert.Contains("crash, collision", Value(saved, "Synonyms"), StringComparison.Ordinal);

        var found = await site.GetPageAsync("/search?q=collision");
        Assert.NotEmpty(found.QuerySelectorAll("main a[href='/articles/whiplash']"));
        var (_, audit) = await admin.GetAsync("/staff/audit?event=synonyms-saved");
        Assert.Contains("crash, collision", audit.QuerySelector("tr[data-event='synonyms-saved']")!.TextContent, StringComparison.Ordinal);
    }
}
