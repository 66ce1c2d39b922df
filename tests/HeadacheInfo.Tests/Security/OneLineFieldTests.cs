using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Tests.Staff;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Security;

/// <summary>
/// A one-line field holds one line of plain text: no control characters (which reach mail subjects raw) and no
/// bidirectional overrides (which make a reviewer read other words than the ones saved). Refused with a message,
/// every word kept; what a title becomes in a mail subject is encoded by the mail library, never read as code.
/// </summary>
public sealed class OneLineFieldTests(OneLineFieldTests.Site site) : IClassFixture<OneLineFieldTests.Site>
{
    public sealed class Site : MailSite
    {
        public Site()
            : base(new TestSmtpServer(), DateTimeOffset.UtcNow)
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            Content.WriteArticle("neck-stretches", "Neck stretches", "self-care");
            Content.WriteArticle("encoded-title", "Encoded title", "self-care");
        }
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "Title", "Neck\vstretches", "The title must not contain" },
        { "Title", "Neck\fstretches", "The title must not contain" },
        { "Title", "Neck \u001b[31mstretches", "The title must not contain" },
        { "Title", "Neck \u202Esehcterts", "The title must not contain" },
        { "Summary", "Gentle\u2066 moves\u2069 for your neck.", "The summary must not contain" },
        { "Author", "Clinic\tteam", "Written by must not contain" },
        { "References", "NHS. Neck pain.\u0007 nhs.uk", "Each reference must not contain" },
        { "Title", "Neck\u200Bstretches", "The title must not contain" },
        { "Title", "Neck\u2060stretches", "The title must not contain" },
        { "Summary", "Gentle\uFEFF moves for your neck.", "The summary must not contain" },
        { "Title", "Neck stre\u00ADtches", "The title must not contain" },
        { "Title", "Neck\uFFF9stretches", "The title must not contain" },
        { "Title", "Neck stretches\U000E0041\U000E0042", "The title must not contain" },
        { "Author", "Clinic\u3164team", "Written by must not contain" },
    };

    [Fact]
    public async Task A_preview_checks_what_changed_for_readers_as_a_save_does_and_keeps_the_words()
    {
        using var author = await StaffSeeding.SignedInAsync(site, "one-line-preview@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/neck-stretches/edit");

        using var previewed = await author.SubmitAsync(form, "/staff/articles/neck-stretches/edit",
            new Dictionary<string, string> { ["ReaderNote"] = "Added\u202E a stretch", ["Body"] = "## Kept\n\nEvery word.\n" }, "preview");
        var page = await HeadacheInfoFactory.ReadPageAsync(previewed);

        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        Assert.Contains("\"What changed, for readers\" must not contain", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("## Kept\n\nEvery word.", page.QuerySelector<IHtmlTextAreaElement>("textarea[name=Body]")!.Value.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd());
    }

    [Theory]
    [InlineData("Jane\u001bDoe")]
    [InlineData("Jane \u202EeoD")]
    [InlineData("Jane\u2028Doe")]
    [InlineData("Jane\u200BDoe")]
    public async Task A_new_accounts_name_with_a_hidden_character_is_refused_with_a_message_and_no_account_is_made(string name)
    {
        var adminEmail = $"one-line-admin-{(int)name[4]:x}@clinic.example";
        await StaffSeeding.AddAsync(site, adminEmail, StaffRoles.Admin);
        using var admin = new StaffClient(site);
        (await admin.SignInAsync(adminEmail, StaffSeeding.Password)).Dispose();
        var (_, setup) = await admin.GetAsync("/staff/authenticator");
        var key = setup.QuerySelector("[data-authenticator-key]")!.TextContent;
        (await admin.SubmitAsync(setup, "/staff/authenticator",
            new Dictionary<string, string> { ["Code"] = StaffClient.TotpCode(key, site.Services.GetRequiredService<TimeProvider>().GetUtcNow()) })).Dispose();
        var email = $"hidden-{(int)name[4]:x}@clinic.example";

        using var added = await admin.SubmitAsync("/staff/accounts", new Dictionary<string, string>
        {
            ["DisplayName"] = name,
            ["Email"] = email,
            ["Role"] = StaffRoles.Author,
        }, "add");
        var page = await HeadacheInfoFactory.ReadPageAsync(added);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("The name must not contain", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-one-time-password]"));
    }

    [Fact]
    public void Mail_carries_no_character_a_one_line_field_refuses()
    {
        Assert.Equal("Neck stretches", HeadacheInfo.Web.Articles.PlainLine.Strip("Neck\u202E \u200Bstretches\u2028\U000E0041"));
        Assert.Equal("Line one\nLine two", HeadacheInfo.Web.Articles.PlainLine.Strip("Line\u202C one\nLine\u2029 two", keepLines: true));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_control_or_direction_override_character_in_a_one_line_field_is_refused_with_a_message_and_the_words_kept(string field, string value, string message)
    {
        using var author = await StaffSeeding.SignedInAsync(site, "one-line-author@clinic.example", StaffRoles.Author);
        var (_, form) = await author.GetAsync("/staff/articles/neck-stretches/edit");

        using var saved = await author.SubmitAsync(form, "/staff/articles/neck-stretches/edit",
            new Dictionary<string, string> { [field] = value, ["Body"] = "## Kept\n\nEvery word.\n" }, "save-draft");
        var page = await HeadacheInfoFactory.ReadPageAsync(saved);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains(message, page.QuerySelector("[data-editor-problem]")?.TextContent, StringComparison.Ordinal);
        var kept = field == "References"
            ? page.QuerySelector<IHtmlTextAreaElement>("textarea[name=References]")!.Value
            : page.QuerySelector<IHtmlInputElement>($"input[name={field}]")!.Value;
        Assert.Equal(value, kept);
    }

    [Fact]
    public async Task A_title_that_looks_like_an_encoded_word_reaches_the_mail_subject_as_the_words_typed()
    {
        using var author = await StaffSeeding.SignedInAsync(site, "encoded-author@clinic.example", StaffRoles.Author);
        await StaffSeeding.AddAsync(site, "encoded-reviewer@clinic.example", StaffRoles.Reviewer);
        var (_, form) = await author.GetAsync("/staff/articles/encoded-title/edit");
        const string title = "=?utf-8?b?VXJnZW50OiBjYWxsIDk5OQ==?= Encoded title";

        using var sent = await author.SubmitAsync(form, "/staff/articles/encoded-title/edit",
            new Dictionary<string, string> { ["Title"] = title, ["Body"] = "## Changed\n\nNew words.\n" }, "submit-for-review");
        Assert.Contains("Sent for review", (await HeadacheInfoFactory.ReadPageAsync(sent)).Body!.TextContent, StringComparison.Ordinal);
        await site.Services.GetRequiredService<MailDelivery>().RunOnceAsync();

        var mail = Assert.Single(site.Smtp.To("encoded-reviewer@clinic.example"));
        Assert.Equal($"Waiting for your review: {title}", mail.Subject);
    }
}
