using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HeadacheInfo.Web.PageRules;

/// <summary>
/// For pages that carry a secret (the antiforgery token) beside text the reader sent: never compressed over
/// HTTPS, which rules out BREACH-style attacks on them.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoHttpsCompressionAttribute : Attribute, IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context) =>
        context.HttpContext.Features.Get<IHttpsCompressionFeature>()?.Mode = HttpsCompressionMode.DoNotCompress;

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
