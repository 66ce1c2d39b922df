using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>Rendered drafts, kept a while so a review page opened again renders nothing; bounded, so no author can fill memory.</summary>
public sealed class DraftRenderCache : IDisposable
{
    public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = 64 });

    public void Dispose() => Cache.Dispose();
}
