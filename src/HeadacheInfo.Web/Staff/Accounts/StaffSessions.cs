using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// How long a staff session lives and what ends it. The cookie carries the account's security stamp, checked
/// against the database on every staff request, so anything that rotates the stamp (a change of role,
/// disabling or enabling, a new password, signing out) ends every copy of the cookie at its next use.
/// </summary>
public static class StaffSessions
{
    /// <summary>From the last use: a session left alone ends after this.</summary>
    public static readonly TimeSpan SlidingLifetime = TimeSpan.FromHours(8);

    /// <summary>From signing in: however busy, a session ends after this.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    private const string SignedInAtKey = "staff.signed-in-at";

    /// <summary>
    /// Records when the person signed in, once: a re-issued cookie (a new password, a refreshed role) keeps
    /// the original time, so it cannot be used to stretch the session.
    /// </summary>
    public static Task OnSigningInAsync(CookieSigningInContext context)
    {
        if (SignedInAt(context.Properties) is null)
        {
            context.Properties.Items[SignedInAtKey] = Now(context.Options).ToString("O", CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Rejects a session past its absolute lifetime, then, on staff pages, checks its security stamp against
    /// the database. Public pages skip that check: they never use the account, and patients must be served
    /// even while the staff database is down.
    /// </summary>
    public static async Task OnValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        // A cookie without the time (made before this rule) cannot prove its age, so it is treated as too old.
        if (SignedInAt(context.Properties) is not { } signedInAt || Now(context.Options) - signedInAt >= AbsoluteLifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<StaffPageAttribute>() is null)
        {
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static DateTimeOffset? SignedInAt(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(SignedInAtKey, out var text) &&
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : null;

    private static DateTimeOffset Now(CookieAuthenticationOptions options) => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
}

/// <summary>
/// Over HTTPS the staff cookies are named with the <c>__Host-</c> prefix, which browsers accept only when the
/// cookie is Secure, for the whole site (Path=/) and for this host alone (no Domain): no other site on a
/// neighbouring subdomain and no plain-http page can set or replace it. Over plain http (<c>dotnet run</c> in
/// Development at http://localhost:5080) a browser refuses a prefixed cookie, so there it keeps its plain name.
/// The name is chosen by the request's own scheme (a trusted proxy's X-Forwarded-Proto counts), so reading
/// and writing always agree.
/// </summary>
internal sealed class HostPrefixedCookieManager : ICookieManager
{
    public const string Prefix = "__Host-";

    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, Name(context, key), value, HostOnly(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, Name(context, key), HostOnly(context, options));

    private static string Name(HttpContext context, string key) => context.Request.IsHttps ? Prefix + key : key;

    private static CookieOptions HostOnly(HttpContext context, CookieOptions options)
    {
        if (context.Request.IsHttps)
        {
            options.Secure = true;
            options.Path = "/";
            options.Domain = null;
        }

        return options;
    }
}
