using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Tests.Staff;
using HeadacheInfo.Web.Feedback;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Articles;

/// <summary>"Was this page helpful?" from the reader's side and the staff's.</summary>
public sealed class PageFeedbackTests(PageFeedbackTests.Site site) : IClassFixture<PageFeedbackTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
            WithSetting("RateLimiting:Feedback:PermitLimit", "10000");
            Content.WriteArticle("neck-pain", "Neck pain");
            Content.WriteArticle("posture", "Posture");
            Content.WriteArticle("limited", "Limited");
            Content.WriteArticle("scrubbed", "Scrubbed");
        }
    }

    private async Task<HttpResponseMessage> AnswerAsync(string slug, string helpful, string? comment = null, string? website = null, string? fetchSite = "same-origin")
    {
        using var client = site.CreateClient();
        var page = await site.GetPageAsync($"/articles/{slug}", client);
        var form = page.QuerySelector<IHtmlFormElement>("section.feedback form")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(form.GetAttribute("action")!, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("helpful", helpful), new("comment", comment ?? string.Empty), new("website", website ?? string.Empty)]),
        };
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return await client.SendAsync(request);
    }

    private async Task<List<ArticleFeedback>> StoredAsync(string slug)
    {
        await site.Services.GetRequiredService<StaffDatabaseReadiness>().Ready;
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffDbContext>().ArticleFeedback.Where(f => f.Slug == slug).ToListAsync();
    }

    [Fact]
    public async Task The_article_page_asks_with_a_plain_form_and_no_per_visitor_token_so_it_stays_cached()
    {
        using var response = await site.GetAsync("/articles/neck-pain");
        var page = await HeadacheInfoFactory.ReadPageAsync(response);

        Assert.Equal("Was this page helpful?", page.QuerySelector("section.feedback h2")?.TextContent);
        Assert.Equal(["yes", "no"], page.QuerySelectorAll("section.feedback button[name=helpful]").Select(b => b.GetAttribute("value")));
        Assert.Equal("500", page.QuerySelector("section.feedback textarea[name=comment]")?.GetAttribute("maxlength"));
        Assert.Null(page.QuerySelector("section.feedback input[name=__RequestVerificationToken]"));
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task An_answer_is_kept_anonymously_and_the_thank_you_page_links_back()
    {
        using var response = await AnswerAsync("posture", "yes", "Say more about pillows. Email me at jo@example.com or call 07700 900123.");
        var page = await HeadacheInfoFactory.ReadPageAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-feedback-thanks]"));
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/articles/posture");
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var stored = Assert.Single(await StoredAsync("posture"));
        Assert.True(stored.Helpful);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), stored.On);
        Assert.Equal("Say more about pillows. Email me at [removed] or call [removed].", stored.Comment);
    }

    public static TheoryData<string?, string?, int> WhereFrom => new()
    {
        { null, null, 400 },
        { "null", null, 400 },
        { "https://evil.example", null, 400 },
        { null, "https://evil.example/articles/posture", 400 },
        { "http://localhost", null, 200 },
        { null, "http://localhost/articles/posture", 200 },
    };

    [Theory]
    [MemberData(nameof(WhereFrom))]
    public async Task Without_Sec_Fetch_Site_an_answer_is_kept_only_when_its_Origin_or_else_its_Referer_is_this_site(string? origin, string? referer, int status)
    {
        var before = (await StoredAsync("posture")).Count;
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/articles/posture/feedback", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("helpful", "yes")]),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(before + (status == 200 ? 1 : 0), (await StoredAsync("posture")).Count);
    }

    public static TheoryData<string, string, string?, int> BadAnswers => new()
    {
        { "neck-pain", "maybe", "same-origin", 400 },
        { "neck-pain", "yes", "cross-site", 400 },
        { "neck-pain", "yes", "same-site", 400 },
        { "no-such-article", "yes", "same-origin", 404 },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task A_bad_or_cross_site_answer_gets_a_friendly_4xx_and_nothing_is_kept(string slug, string helpful, string? fetchSite, int status)
    {
        var before = (await StoredAsync(slug)).Count;
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/articles/{slug}/feedback", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("helpful", helpful)]),
        };
        request.Headers.Add("Sec-Fetch-Site", fetchSite);

        using var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains("<h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await StoredAsync(slug)).Count);
    }

    [Fact]
    public async Task A_comment_over_500_characters_is_refused_and_a_robot_filling_the_hidden_box_is_thanked_but_not_kept()
    {
        var before = (await StoredAsync("neck-pain")).Count;

        using var tooLong = await AnswerAsync("neck-pain", "no", new string('a', 501));
        using var robot = await AnswerAsync("neck-pain", "no", "buy things", website: "https://spam.example");

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, robot.StatusCode);
        Assert.Equal(before, (await StoredAsync("neck-pain")).Count);
    }

    /// <summary>Answers the "scrubbed" article with <paramref name="comment"/> and returns what was kept of it.</summary>
    private async Task<string?> KeptOfAsync(string comment)
    {
        using var response = await AnswerAsync("scrubbed", "no", comment);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await StoredAsync("scrubbed")).OrderByDescending(f => f.Id).First().Comment;
    }

    public static TheoryData<string, string> DisguisedContactDetails => new()
    {
        { "Write to jane dot doe at gmail dot com please", "gmail" },
        { "Write to jane.doe at gmail.com please", "gmail" },
        { "Write to jane (dot) doe [at] gmail [dot] co [dot] uk please", "gmail" },
        { "Write to jane(at)gmail please", "gmail" },
        { "Write to jane[at]gmail.com please", "gmail" },
        { "Write to jane\uFF20gmail.com please", "gmail" },
        { "Write to jane\uFE6Bgmail.com please", "gmail" },
        { "Write to jane@gmail please", "gmail" },
        { "Write to JANE AT GMAIL DOT COM please", "GMAIL" },
        { "Ring 07700/900/123 please", "900" },
        { "Ring 07700_900_123 please", "900" },
        { "Ring 07700,900,123 please", "900" },
        { "Ring 07700-900-123 please", "900" },
        { "Ring 07700\u2013900\u2013123 please", "900" },
        { "Ring 07700\u2014900123 please", "900" },
        { "Ring 0161 / 555 / 0100 please", "555" },
        { "Ring +44 (0) 7700 900 123 please", "900" },
        { "Ring \uFF10\uFF17\uFF17\uFF10\uFF10 \uFF19\uFF10\uFF10\uFF11\uFF12\uFF13 please", "\uFF19\uFF10\uFF10" },
        { "Write to jane%40gmail.com please", "gmail" },
        { "Write to jane%2540gmail.com please", "gmail" },
        { "Write to jane&#64;gmail.com please", "gmail" },
        { "Write to jane&commat;gmail&period;com please", "gmail" },
        { "Write to j a n e @ g m a i l . c o m please", "g m a i l" },
        { "Write to jane@@gmail.com please", "gmail" },
        { "Write to jane\u2039at\u203Agmail\u2039dot\u203Acom please", "gmail" },
        { "Write to jane\uFE6B\uFE6Bgmail please", "gmail" },
        { "Ring oh seven seven double oh nine oh oh one two three please", "nine" },
        { "Ring zero-seven-seven-zero-zero nine zero zero one two three please", "nine" },
        { "Write to jane @ gmail . com please", "gmail" },
        { "Write to jane @gmail please", "gmail" },
        { "Write to jane\u00A0@\u00A0gmail.com please", "gmail" },
        { "Write to jane -at- gmail -dot- com please", "gmail" },
        { "Write to jane_at_gmail_dot_com please", "gmail" },
        { "Write to jane (a) gmail.com please", "gmail" },
        { "Write to jane at gmail period com please", "gmail" },
        { "Write to jane at g mail dot com please", "mail" },
        { "Write to jane, at, gmail, dot, com please", "gmail" },
        { "Write to jane (at sign) gmail dot com please", "gmail" },
        { "Write to jane&#64gmail.com please", "gmail" },
        { "Write to jane\\\\x40gmail.com please", "gmail" },
        { "Ring 07700\u200B900123 please", "900" },
        { "Ring 07700&#8203;900123 please", "900" },
        { "Ring 07700%E2%80%8B900123 please", "900" },
        { "Ring O77OO9OO123 please", "9OO" },
        { "Ring +4477OO9OO123 please", "9OO" },
        { "Ring \U0001D7CE\U0001D7D5\U0001D7D5\U0001D7CE\U0001D7CE\U0001D7D7\U0001D7CE\U0001D7CE\U0001D7CF\U0001D7D0\U0001D7D1 please", "\U0001D7D7" },
        { "Ring \u24EA\u2466\u2466\u24EA\u24EA\u2468\u24EA\u24EA\u2460\u2461\u2462 please", "\u2468" },
        { "Ring 0seven7oo9oo123 please", "9oo" },
    };

    [Theory]
    [MemberData(nameof(DisguisedContactDetails))]
    public async Task Contact_details_written_to_dodge_the_filter_are_removed_and_the_rest_kept(string comment, string part)
    {
        var kept = await KeptOfAsync(System.Text.RegularExpressions.Regex.Unescape(comment));

        Assert.DoesNotContain(System.Text.RegularExpressions.Regex.Unescape(part), kept, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("[removed]", kept, StringComparison.Ordinal);
        Assert.StartsWith(comment.Split(' ')[0] + " ", kept, StringComparison.Ordinal);
        Assert.EndsWith(" please", kept, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The pain was 7/10 at worst, 3/10 most days.")]
    [InlineData("I tried exercises 1, 2, 3 and 4 from the list.")]
    [InlineData("It started on 12/04/2025 and got better by 1 May.")]
    [InlineData("I sat at my desk for 8 hours, at home mostly.")]
    [InlineData("Look at page 2 dot points, they help.")]
    [InlineData("My pain was 8/10, 9/10, 7/10 on three days.")]
    [InlineData("I had it in 2023, 2024 and 2025.")]
    [InlineData("I sat at home. Then it eased.")]
    [InlineData("One or two times a day, three days a week.")]
    [InlineData("It was 100% better after I tried it.")]
    [InlineData("I was a b c d about it, but fine.")]
    [InlineData("Option (a) is better, at least for me.")]
    [InlineData("The period of pain was short. I was at home.")]
    [InlineData("I took 2oz of water at 10 and it helped.")]
    public async Task Ordinary_numbers_dates_and_the_word_at_are_kept(string comment) =>
        Assert.Equal(comment, await KeptOfAsync(comment));

    [Fact]
    public async Task Staff_see_the_counts_on_the_dashboard_and_reviewers_can_delete_a_comment_which_is_audited()
    {
        (await AnswerAsync("neck-pain", "yes", "Clear, thank you")).Dispose();
        (await AnswerAsync("neck-pain", "no")).Dispose();
        await StaffSeeding.AddAsync(site, "fb-author@clinic.example", StaffRoles.Author);
        await StaffSeeding.AddAsync(site, "fb-reviewer@clinic.example", StaffRoles.Reviewer);
        using var author = new StaffClient(site);
        (await author.SignInAsync("fb-author@clinic.example", StaffSeeding.Password)).Dispose();

        var (_, dashboard) = await author.GetAsync("/staff");
        var counts = dashboard.QuerySelector("tr[data-slug='neck-pain'] [data-feedback-yes]")!;
        Assert.True(int.Parse(counts.GetAttribute("data-feedback-yes")!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.True(int.Parse(counts.GetAttribute("data-feedback-no")!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var (_, comments) = await author.GetAsync("/staff/feedback");
        var item = comments.QuerySelectorAll("li[data-feedback-id]").First(li => li.TextContent.Contains("Clear, thank you", StringComparison.Ordinal));
        Assert.Null(item.QuerySelector("button[value=delete]"));

        using var reviewer = new StaffClient(site);
        (await reviewer.SignInAsync("fb-reviewer@clinic.example", StaffSeeding.Password)).Dispose();
        using var deleted = await reviewer.SubmitAsync("/staff/feedback", new Dictionary<string, string> { ["FeedbackId"] = item.GetAttribute("data-feedback-id")! }, button: "delete");

        Assert.DoesNotContain("Clear, thank you", (await HeadacheInfoFactory.ReadPageAsync(deleted)).Body!.TextContent, StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Contains(await scope.ServiceProvider.GetRequiredService<AuditLog>().LatestAsync(),
            e => e.Event == AuditEvents.FeedbackCommentDeleted && e.Actor == "fb-reviewer@clinic.example");
    }
}

/// <summary>Anonymous answers are limited per client address.</summary>
public sealed class PageFeedbackRateLimitTests(PageFeedbackRateLimitTests.Site site) : IClassFixture<PageFeedbackRateLimitTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            WithSetting("RateLimiting:Feedback:PermitLimit", "3");
            Content.WriteArticle("limited", "Limited");
        }
    }

    [Fact]
    public async Task More_answers_than_the_limit_get_429()
    {
        using var client = site.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/articles/limited/feedback", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent([new("helpful", "yes")]),
            };
            request.Headers.Add("Sec-Fetch-Site", "same-origin");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
