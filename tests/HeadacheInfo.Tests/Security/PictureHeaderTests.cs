using System.Net;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Security;

/// <summary>
/// Every picture the site serves, shipped or approved, is a document that may load and run nothing: opened on
/// its own, an SVG drawing cannot redirect, fetch or script, and no browser guesses another type for it.
/// </summary>
public sealed class PictureHeaderTests(PictureHeaderTests.Site site) : IClassFixture<PictureHeaderTests.Site>
{
    public sealed class Site : HeadacheInfoFactory
    {
        public Site()
        {
            Content.WriteArticle("neck-stretches", "Neck stretches", "self-care");
            var images = Directory.CreateDirectory(Path.Combine(Content.Root, "images")).FullName;
            foreach (var shipped in Directory.EnumerateFiles(Path.Combine(RepositoryFolders.Content, "images")))
            {
                File.Copy(shipped, Path.Combine(images, Path.GetFileName(shipped)));
            }
        }
    }

    public static TheoryData<string> ShippedPictures =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryFolders.Content, "images")).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedPictures))]
    public async Task A_shipped_picture_is_served_sandboxed_loading_nothing_and_never_sniffed(string name)
    {
        using var client = site.CreateClient();

        using var served = await client.GetAsync(new Uri($"/images/{name}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; sandbox", served.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task An_article_page_keeps_the_site_policy_rather_than_the_picture_one()
    {
        using var client = site.CreateClient();

        using var page = await client.GetAsync(new Uri("/articles/neck-stretches", UriKind.Relative));

        Assert.DoesNotContain("sandbox", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
