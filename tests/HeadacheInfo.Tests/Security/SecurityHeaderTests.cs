using HeadacheInfo.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HeadacheInfo.Tests.Security;

public sealed class SecurityHeaderTests(SecurityHeaderTests.Site site) : IClassFixture<SecurityHeaderTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site() => Content.WriteArticle("neck-pain", "Neck pain", body: "## Part\n\n[x](javascript:alert(1))");
    }

    public static TheoryData<string> PageTypes => new()
    {
        "/", "/articles", "/articles/neck-pain", "/symptom-check", "/symptom-check/how-it-works", "/healthz",
        "/no-such-page", "/css/site.css", "/error",
    };

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://headacheinfo.example") });

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.Contains("Referrer-Policy"));
        Assert.True(response.Headers.Contains("Permissions-Policy"));
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS outside Development");
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task No_page_has_a_script_from_content()
    {
        foreach (var url in new[] { "/", "/articles", "/articles/neck-pain" })
        {
            var page = await site.GetPageAsync(url);

            // JSON-LD is a data block browsers never run; any other script would be code.
            Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json'])"));
            Assert.DoesNotContain("javascript:", page.Source.Text, StringComparison.OrdinalIgnoreCase);
        }
    }
}

public sealed class FrontMatterEncodingTests(FrontMatterEncodingTests.Site site) : IClassFixture<FrontMatterEncodingTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site() => Content.Write("attack.md", """
            ---
            title: "<script>alert('title')</script>"
            summary: "<img src=x onerror=alert(1)> summary"
            category: signs
            last_reviewed: 2026-01-01
            next_review: 2027-01-01
            author: "<b onmouseover=alert(1)>author</b>"
            reviewer: "\"><script>alert(2)</script>"
            references:
              - "<script>alert('reference')</script>"
            ---

            Body.
            """);
    }

    [Theory]
    [InlineData("/articles/attack")]
    [InlineData("/articles")]
    [InlineData("/")]
    public async Task Front_matter_values_are_shown_as_text_never_as_markup(string url)
    {
        var page = await site.GetPageAsync(url);

        Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json'])"));
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Empty(page.QuerySelectorAll("[onerror], [onmouseover]"));
    }

    [Fact]
    public async Task Front_matter_cannot_break_out_of_the_structured_data()
    {
        var page = await site.GetPageAsync("/articles/attack");

        var data = Assert.Single(page.QuerySelectorAll("script"));
        Assert.Equal("application/ld+json", data.GetAttribute("type"));
        using var json = System.Text.Json.JsonDocument.Parse(data.TextContent);
        Assert.Equal("<script>alert('title')</script>", json.RootElement.GetProperty("name").GetString());
        Assert.DoesNotContain("</script", data.InnerHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_title_reads_exactly_as_written()
    {
        var page = await site.GetPageAsync("/articles/attack");

        Assert.Equal("<script>alert('title')</script>", page.QuerySelector("main h1")?.TextContent);
    }
}
