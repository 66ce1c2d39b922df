using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.SiteSettings;

namespace HeadacheInfo.Tests.Staff;

/// <summary>
/// The article categories on /staff/site-settings: an admin adds, renames, reorders and removes them; articles
/// keep their addresses; a category with articles stays; bad input is refused with the typing kept.
/// </summary>
public sealed class SiteCategoriesTests(SiteCategoriesTests.Site site) : IClassFixture<SiteCategoriesTests.Site>
{
    private const string Page = "/staff/site-settings";

    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-pain", "Neck pain", category: "signs");
            Content.WriteArticle("why-it-hurts", "Why it hurts", category: "causes");
            Content.WriteArticle("posture-at-work", "Posture at work", category: "causes");
            Content.WriteArticle("exercises", "Exercises", category: "self-care");
            Content.WriteArticle("when-to-call", "When to call", category: "getting-help");
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
        }
    }

    private async Task<StaffClient> AdminAsync([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var email = $"cat-admin-{test.GetHashCode(StringComparison.Ordinal):x8}@clinic.example";
        await StaffSeeding.AddAsync(site, email, StaffRoles.Admin);
        var admin = new StaffClient(site);
        await StaffSeeding.SignInAsAdminAsync(admin, email);
        return admin;
    }

    /// <summary>Opens the page, fills the categories form over what it holds, and presses Save categories.</summary>
    private static async Task<IHtmlDocument> SaveCategoriesAsync(StaffClient admin, Func<IHtmlDocument, Dictionary<string, string>> fill)
    {
        var (_, page) = await admin.GetAsync(Page);
        using var saved = await admin.SubmitAsync(page, Page, fill(page), button: "save-categories");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.True(saved.Headers.CacheControl?.NoStore);
        return await HeadacheInfoFactory.ReadPageAsync(saved);
    }

    /// <summary>The form's field for a category, found by its id as the page shows it.</summary>
    private static string Field(IHtmlDocument page, string id, string field)
    {
        var row = page.QuerySelector($"[data-categories] fieldset[data-category='{id}']") ?? throw new InvalidOperationException(id + " is not on the page");
        return row.QuerySelector($"[name$='.{field}']")!.GetAttribute("name")!;
    }

    private static string Problem(IHtmlDocument page) => page.QuerySelector("[data-settings-problem]")?.TextContent ?? string.Empty;

    private static string Message(IHtmlDocument page) => page.QuerySelector("[data-settings-message]")?.TextContent ?? string.Empty;

    private async Task<IReadOnlyList<string>> HomeCategoriesAsync() =>
        [.. (await site.GetPageAsync("/")).QuerySelectorAll(".category-list h3").Select(h => h.TextContent.Trim())];

    [Fact]
    public async Task Renaming_a_category_keeps_every_article_s_address_and_the_pages_and_audit_show_the_new_name()
    {
        using var admin = await AdminAsync();

        var answer = await SaveCategoriesAsync(admin, page => new() { [Field(page, "causes", "Name")] = "Why it happens" });

        Assert.True(Problem(answer).Length == 0, Problem(answer));
        Assert.Contains("Saved the categories", Message(answer), StringComparison.Ordinal);
        Assert.Equal("Why it happens", answer.QuerySelector<IHtmlInputElement>($"[name='{Field(answer, "causes", "Name")}']")!.Value);

        using var article = await site.GetAsync("/articles/why-it-hurts");
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        var articlePage = await HeadacheInfoFactory.ReadPageAsync(article);
        Assert.Contains(articlePage.QuerySelectorAll("a[href='/articles#causes']"), a => a.TextContent.Trim() == "Why it happens");
        Assert.Contains("Why it happens", await HomeCategoriesAsync());
        Assert.DoesNotContain("Causes", await HomeCategoriesAsync());
        var list = await site.GetPageAsync("/articles");
        Assert.Equal("Why it happens", list.QuerySelector("h2#causes")!.TextContent.Trim());

        var (_, audit) = await admin.GetAsync("/staff/audit?event=site-categories-saved");
        Assert.Contains("renamed causes: \"Causes\" → \"Why it happens\"", audit.QuerySelector("tr[data-event='site-categories-saved']")!.TextContent, StringComparison.Ordinal);

        // Put back, so the other tests read the shipped names.
        var back = await SaveCategoriesAsync(admin, page => new() { [Field(page, "causes", "Name")] = "Causes" });
        Assert.True(Problem(back).Length == 0, Problem(back));
    }

    [Fact]
    public async Task Changing_the_order_numbers_changes_the_order_of_the_home_page_and_the_articles_list()
    {
        using var admin = await AdminAsync();
        Assert.Equal("Signs and symptoms", (await HomeCategoriesAsync())[0]);

        var answer = await SaveCategoriesAsync(admin, page => new() { [Field(page, "getting-help", "Order")] = "0" });

        Assert.True(Problem(answer).Length == 0, Problem(answer));
        Assert.Equal(["Getting help", "Signs and symptoms", "Causes", "Looking after yourself"], await HomeCategoriesAsync());
        var list = await site.GetPageAsync("/articles");
        Assert.Equal("getting-help", list.QuerySelector("section.article-group h2")!.Id);
        Assert.Equal("getting-help", answer.QuerySelector("[data-categories] fieldset[data-category]")!.GetAttribute("data-category"));

        var back = await SaveCategoriesAsync(admin, page => new() { [Field(page, "getting-help", "Order")] = "6" });
        Assert.True(Problem(back).Length == 0, Problem(back));
        Assert.Equal("Signs and symptoms", (await HomeCategoriesAsync())[0]);
    }

    [Fact]
    public async Task A_category_with_articles_cannot_be_removed_and_the_message_says_how_many()
    {
        using var admin = await AdminAsync();

        var answer = await SaveCategoriesAsync(admin, page => new() { [Field(page, "causes", "Remove")] = "true" });

        Assert.Contains("\"Causes\" cannot be removed: 2 articles are in it", Problem(answer), StringComparison.Ordinal);
        Assert.Contains("Causes", await HomeCategoriesAsync());
        using var article = await site.GetAsync("/articles/posture-at-work");
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
    }

    [Fact]
    public async Task An_admin_adds_a_category_authors_can_choose_it_and_once_empty_again_it_is_removed()
    {
        using var admin = await AdminAsync();

        var added = await SaveCategoriesAsync(admin, _ => new()
        {
            ["NewCategory.Id"] = "work-and-posture", ["NewCategory.Name"] = "Work and posture",
            ["NewCategory.Description"] = "Desks, screens and driving.", ["NewCategory.Order"] = "3",
        });

        Assert.True(Problem(added).Length == 0, Problem(added));
        Assert.Equal(["signs", "causes", "work-and-posture", "treatment", "self-care", "getting-help"],
            added.QuerySelectorAll("[data-categories] fieldset[data-category]").Select(f => f.GetAttribute("data-category")!));
        using (var author = await StaffSeeding.SignedInAsync(site, "cat-author@clinic.example", StaffRoles.Author))
        {
            var (_, editor) = await author.GetAsync("/staff/articles/new");
            Assert.Contains(editor.QuerySelectorAll("select[name=Category] option"), o => o.GetAttribute("value") == "work-and-posture" && o.TextContent == "Work and posture");
        }

        var (_, audit) = await admin.GetAsync("/staff/audit?event=site-categories-saved");
        Assert.Contains("added work-and-posture: \"Work and posture\"", audit.QuerySelector("tr[data-event='site-categories-saved']")!.TextContent, StringComparison.Ordinal);

        var removed = await SaveCategoriesAsync(admin, page => new() { [Field(page, "work-and-posture", "Remove")] = "true" });
        Assert.True(Problem(removed).Length == 0, Problem(removed));
        Assert.Null(removed.QuerySelector("[data-categories] fieldset[data-category='work-and-posture']"));
        (_, audit) = await admin.GetAsync("/staff/audit?event=site-categories-saved");
        Assert.Contains("removed work-and-posture", audit.QuerySelector("tr[data-event='site-categories-saved']")!.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> BadNewCategories => new()
    {
        { "Work Posture", "Work", "Desks.", "the id must be 40 or fewer lowercase letters" },
        { "causes", "Work", "Desks.", "the id \"causes\" is already used" },
        { "work", "causes", "Desks.", "the name \"causes\" is already used" },
        { "work", "Work\nand posture", "Desks.", "must be one line" },
        { "work", "Work\u202Eerutsop", "Desks.", "must not contain control characters" },
        { "work", new string('w', 1_000_000), "Desks.", "keep it to 60 or fewer" },
        { "work", "Work", "", "enter its description" },
    };

    [Theory]
    [MemberData(nameof(BadNewCategories))]
    public async Task A_bad_new_category_is_refused_with_a_clear_message_keeping_what_was_typed(string id, string name, string description, string said)
    {
        using var admin = await AdminAsync($"bad-{id}-{name.GetHashCode(StringComparison.Ordinal)}-{description}");

        var answer = await SaveCategoriesAsync(admin, _ => new()
        {
            ["NewCategory.Id"] = id, ["NewCategory.Name"] = name, ["NewCategory.Description"] = description,
        });

        Assert.Contains(said, Problem(answer), StringComparison.Ordinal);
        Assert.Equal(id, answer.QuerySelector<IHtmlInputElement>("[name='NewCategory.Id']")!.Value);
        Assert.Equal(name, answer.QuerySelector<IHtmlInputElement>("[name='NewCategory.Name']")!.Value);
        Assert.Equal(5, answer.QuerySelectorAll("[data-categories] fieldset[data-category]").Length);
        Assert.DoesNotContain("Work", string.Join(" ", await HomeCategoriesAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_category_typed_badly_keeps_the_typing_and_an_order_that_is_not_a_number_is_refused()
    {
        using var admin = await AdminAsync();

        var answer = await SaveCategoriesAsync(admin, page => new()
        {
            [Field(page, "signs", "Name")] = "Signs\tand symptoms", [Field(page, "treatment", "Order")] = "first",
        });

        Assert.True(Problem(answer).Contains("Category 1 (signs): the name must not contain control characters", StringComparison.Ordinal), Problem(answer));
        Assert.Contains("Category 3: enter its place in the order as a whole number", Problem(answer), StringComparison.Ordinal);
        Assert.Equal("Signs\tand symptoms", answer.QuerySelector<IHtmlInputElement>($"[name='{Field(answer, "signs", "Name")}']")!.Value);
        Assert.Equal("first", answer.QuerySelector<IHtmlInputElement>($"[name='{Field(answer, "treatment", "Order")}']")!.Value);
        Assert.Equal("Signs and symptoms", (await HomeCategoriesAsync())[0]);
    }

    [Fact]
    public async Task Saving_the_clinic_settings_keeps_the_categories_and_saving_categories_keeps_the_clinic_settings()
    {
        using var admin = await AdminAsync();
        var added = await SaveCategoriesAsync(admin, _ => new()
        {
            ["NewCategory.Id"] = "kept", ["NewCategory.Name"] = "Kept through a settings save", ["NewCategory.Description"] = "Stays.",
        });
        Assert.True(Problem(added).Length == 0, Problem(added));

        using var saved = await admin.SubmitAsync(added, Page, new Dictionary<string, string> { ["ClinicName"] = "Category Clinic" }, button: "save-settings");
        var answer = await HeadacheInfoFactory.ReadPageAsync(saved);

        Assert.True(Problem(answer).Length == 0, Problem(answer));
        Assert.NotNull(answer.QuerySelector("[data-categories] fieldset[data-category='kept']"));
        var removed = await SaveCategoriesAsync(admin, page => new() { [Field(page, "kept", "Remove")] = "true" });
        Assert.True(Problem(removed).Length == 0, Problem(removed));
        Assert.Equal("Category Clinic", (await site.GetPageAsync("/")).QuerySelector(".site-header .site-name")!.TextContent.Trim());
        // The saved name is the clinic's name everywhere: in the staff area's header and on each article's sign-off line.
        var (_, staff) = await admin.GetAsync("/staff");
        Assert.Equal("Category Clinic", staff.QuerySelector(".staff-name a")!.TextContent.Trim());
        Assert.EndsWith("Category Clinic staff", staff.Title, StringComparison.Ordinal);
        Assert.Contains("a clinician at Category Clinic", (await site.GetPageAsync("/articles/neck-pain")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"Categories\"", File.ReadAllText(Path.Combine(site.Content.Root, SiteSettings.FileName)), StringComparison.Ordinal);
    }
}
