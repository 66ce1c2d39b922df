using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace HeadacheInfo.Web.Caching;

/// <summary>
/// The one decision whether a reader already has a page, for the pre-rendered answer and the rendered one alike,
/// and the one reading of If-Modified-Since, which the output cache's own check is given too.
/// </summary>
internal static class NotModified
{
    /// <summary>An If-None-Match decides alone; otherwise a valid If-Modified-Since not older than the page.</summary>
    public static bool ReaderHasIt(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified, DateTimeOffset now) =>
        request.IfNoneMatch is { Count: > 0 } ifNoneMatch
            ? ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false))
            : IfModifiedSince(request, now) is { } since && lastModified <= since;

    /// <summary>The request's If-Modified-Since, unless it is in the future: not a valid date then (RFC 9110 13.1.3), so ignored.</summary>
    public static DateTimeOffset? IfModifiedSince(RequestHeaders request, DateTimeOffset now) =>
        request.IfModifiedSince is { } since && since <= now ? since : null;
}
