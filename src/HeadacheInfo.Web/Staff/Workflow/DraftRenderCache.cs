using Microsoft.Extensions.Caching.Memory;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>Rendered drafts, kept a while so a review page opened again renders nothing; bounded, so no author can fill memory.</summary>
public sealed class DraftRenderCache : IDisposable
{
    public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = 64 });

    public void Dispose() => Cache.Dispose();
}
