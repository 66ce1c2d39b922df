using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Feedback;
using HeadacheInfo.Web.RateLimits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HeadacheInfo.Web.Pages.Articles;

/// <summary>
/// Takes one anonymous answer to "Was this page helpful?". The article pages stay cached for everyone, so
/// the form carries no per-visitor token: instead the browser must say the post came from this site
/// (Sec-Fetch-Site or Origin), and all the post can do is add one anonymous row.
/// </summary>
[AcceptsFormPost]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(RateLimitPolicy.Feedback)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed partial class FeedbackModel(PageFeedback feedback, ILogger<FeedbackModel> logger)
    : PageModel
{
    public Article Article { get; private set; } = null!;

    public bool Helpful { get; private set; }

    public bool Saved { get; private set; } = true;

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, string? helpful, string? comment, string? website)
    {
        if (!Slug.IsValid(slug) || ContentStore.For(HttpContext).Find(slug) is not { } article)
        {
            return NotFound();
        }

        if (!FromThisSite() || helpful is not ("yes" or "no") || comment?.Length > PageFeedback.MaxCommentLength)
        {
            return BadRequest();
        }

        Article = article;
        Helpful = helpful == "yes";
        // A robot fills in every box, including the one people never see: thank it, keep nothing.
        if (string.IsNullOrEmpty(website))
        {
            try
            {
                await feedback.RecordAsync(slug, Helpful, comment);
            }
#pragma warning disable CA1031 // The staff database being down must never give a patient an error page.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogNotSaved(ex.Message);
                Saved = false;
            }
        }

        return Page();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An answer to 'Was this page helpful?' could not be saved: {Reason:l}")]
    private partial void LogNotSaved(string reason);

    private bool FromThisSite()
    {
        var fetchSite = Request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is "same-origin";
        }

        // A browser's form post always says where it came from: Origin, else (older browsers) Referer. A post
        // that says neither is not from the page's own form, so it is refused.
        var origin = Request.Headers.Origin.ToString();
        var from = origin.Length > 0 && origin != "null" ? origin : Request.Headers.Referer.ToString();
        return from.Length > 0 && SameOrigin(from);
    }

    private bool SameOrigin(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var from) &&
        string.Equals(from.Authority, Request.Host.Value, StringComparison.OrdinalIgnoreCase) &&
        from.Scheme == Request.Scheme;
}
