using System.Globalization;
using HeadacheInfo.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace HeadacheInfo.BrowserTests;

/// <summary>
/// A picture and a date together, in a real browser: an author adds a picture and sends the change, a reviewer
/// approves it to go live five minutes later, and patients see neither until the site's clock gets there.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ScheduledPictureTests(BrowserSite site)
{
    private const string Slug = "a-pillow-that-fits";

    // A 2x2 PNG, so the upload is a real picture with the signature its name claims.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAADklEQVR4nGNoAAMGCAUAKg4GARWeQtcAAAAASUVORK5CYII=");

    [BrowserFact]
    public async Task A_picture_approved_for_five_minutes_ahead_reaches_patients_only_when_the_clock_gets_there()
    {
        await site.AddStaffAsync("picture-author@clinic.example", "author");
        await site.AddStaffAsync("picture-reviewer@clinic.example", "reviewer");

        await using (var authorContext = await site.NewContextAsync(375))
        {
            var author = await authorContext.NewPageAsync();
            await StaffBrowser.SignInAsync(author, "picture-author@clinic.example");
            await author.GotoAsync("/staff/articles/new");
            await author.FillAsync("#Title", "A pillow that fits");
            await author.FillAsync("#Summary", "How to choose a pillow that keeps your neck level.");
            await author.FillAsync("#Body", "## Your pillow\n\nUse one pillow that keeps your head level with your body.\n");
            await author.SetInputFilesAsync("#Picture", new FilePayload { Name = "pillow.png", MimeType = "image/png", Buffer = Png });
            await author.FillAsync("#PictureAlt", "A head resting level on one pillow");
            await author.FillAsync("#PictureName", "pillow-level");
            await author.ClickAsync("button[value=upload-picture]");
            await author.WaitForSelectorAsync("[data-editor-message], [data-editor-problem]", new() { Timeout = 90_000 });
            Assert.Null(await author.QuerySelectorAsync("[data-editor-problem]"));
            Assert.Contains("![A head resting level on one pillow](/images/pillow-level.png)", await author.InputValueAsync("#Body"), StringComparison.Ordinal);
            Assert.Contains("Use one pillow that keeps your head level with your body.", await author.InputValueAsync("#Body"), StringComparison.Ordinal);

            await author.ClickAsync("button[value=submit-for-review]");
            await author.WaitForSelectorAsync("[data-editor-message]:has-text('Sent for review')", new() { Timeout = 90_000 });
        }

        await using var publicContext = await site.NewContextAsync();
        var patient = await publicContext.NewPageAsync();

        await using (var reviewerContext = await site.NewContextAsync(1280))
        {
            var reviewer = await reviewerContext.NewPageAsync();
            await StaffBrowser.SignInAsync(reviewer, "picture-reviewer@clinic.example");
            await reviewer.GotoAsync("/staff/reviews");
            await reviewer.ClickAsync($"[data-slug='{Slug}'] a");
            // The reviewer sees the picture itself, served to staff only.
            var shown = await reviewer.WaitForSelectorAsync("img[alt='A head resting level on one pillow']");
            Assert.True(await shown!.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 2"));

            var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
            var inFiveMinutes = TimeZoneInfo.ConvertTime(site.Clock.GetUtcNow().AddMinutes(5), london);
            await reviewer.FillAsync("#PublishAt", inFiveMinutes.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
            await reviewer.ClickAsync("button[value=approve]");
            await reviewer.WaitForSelectorAsync("[data-review-message]", new() { Timeout = 90_000 });
            Assert.Contains("goes live on", await reviewer.TextContentAsync("[data-review-message]"), StringComparison.Ordinal);

            await reviewer.GotoAsync("/staff");
            Assert.Equal("scheduled", await reviewer.GetAttributeAsync($"tr[data-slug='{Slug}']", "data-status"));

            // Not yet: neither the article nor its picture is on the site.
            await site.RunScheduledAsync();
            Assert.Equal(404, (await patient.GotoAsync($"/articles/{Slug}"))?.Status);
            Assert.Equal(404, (await patient.GotoAsync("/images/pillow-level.png"))?.Status);

            site.Clock.Advance(TimeSpan.FromMinutes(6));
            Assert.Equal(1, await site.RunScheduledAsync());

            // The site reloads its content a moment after the file is written.
            IResponse? page = null;
            for (var attempt = 0; attempt < 100 && page?.Status != 200; attempt++)
            {
                page = await patient.GotoAsync($"/articles/{Slug}");
                if (page?.Status != 200)
                {
                    await patient.WaitForTimeoutAsync(100);
                }
            }

            Assert.Equal("A pillow that fits", await patient.TextContentAsync("main h1"));
            var picture = await patient.WaitForSelectorAsync("main img[alt='A head resting level on one pillow']");
            Assert.True(await picture!.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 2"));

            await reviewer.GotoAsync("/staff");
            Assert.Equal("published", await reviewer.GetAttributeAsync($"tr[data-slug='{Slug}']", "data-status"));
        }
    }
}
