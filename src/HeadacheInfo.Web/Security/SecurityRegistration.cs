namespace HeadacheInfo.Web.Security;

public static class SecurityRegistration
{
    private const string PicturePolicy = "picture";

    /// <summary>Where pictures are served one by one: the site's approved and shipped pictures, and the staff area's drafts.</summary>
    private static readonly PathString[] PicturePaths =
        [HeadacheInfo.Web.Site.SitePaths.Images, HeadacheInfo.Web.Pages.Staff.PictureFileModel.Prefix.TrimEnd('/')];

    /// <summary>Turns away requests no page could answer, before any page runs (<see cref="RequestGuard"/>).</summary>
    public static WebApplication UseRequestGuard(this WebApplication app)
    {
        app.Use(RequestGuard.GuardAsync);
        return app;
    }

    /// <summary>
    /// The site's default header policy, for the library's <c>UseSecurityHeaders()</c>: a strict
    /// Content-Security-Policy (no inline script or style, nothing from other sites), nosniff, a referrer
    /// policy, a permissions policy that turns off what the site never uses, HSTS outside Development, and
    /// no Server header.
    /// </summary>
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(policy => Common(policy.AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddFrameAncestors().None();
                csp.AddFormAction().Self();
                csp.AddBaseUri().Self();
                csp.AddObjectSrc().None();
            })))
            // A picture opened on its own is a document of its own: an SVG drawing could hold script or a refresh,
            // so it may load and run nothing at all, and is sandboxed as if from another site (X-Frame-Options
            // still keeps it out of frames). Exactly "default-src 'none'; style-src 'unsafe-inline'; sandbox".
            .AddPolicy(PicturePolicy, policy => Common(policy.AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().None();
                csp.AddStyleSrc().UnsafeInline();
                csp.AddSandbox();
            })))
            .SetPolicySelector(context => PicturePaths.Any(path => context.HttpContext.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))
                ? context.ConfiguredPolicies[PicturePolicy]
                : context.SelectedPolicy));

        void Common(HeaderPolicyCollection policy)
        {
            policy
                .AddContentTypeOptionsNoSniff()
                .AddFrameOptionsDeny()
                .AddReferrerPolicyStrictOriginWhenCrossOrigin()
                .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
                .AddPermissionsPolicyWithDefaultSecureDirectives()
                .RemoveServerHeader();
            if (!development)
            {
                // Sent on HTTPS requests only (including those a proxy forwarded as HTTPS).
                policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60);
            }
        }

        return builder;
    }
}
