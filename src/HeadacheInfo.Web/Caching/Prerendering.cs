namespace HeadacheInfo.Web.Caching;

/// <summary>
/// The mark on the requests the pre-renderer runs through the pipeline (see <see cref="PageRenderer"/>), so what
/// must not see them (the output cache) can tell.
/// </summary>
public static class Prerendering
{
    /// <summary>Whether this request is one the pre-renderer made (it must not use or fill the output cache).</summary>
    public static bool IsRendering(HttpContext context) => context.Features.Get<RenderingFeature>() is not null;

    internal sealed record RenderingFeature;
}
