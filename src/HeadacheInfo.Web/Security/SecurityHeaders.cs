namespace HeadacheInfo.Web.Security;

public static class SecurityHeaders
{
    /// <summary>
    /// Headers on every response: a strict Content-Security-Policy (no inline script or style, nothing from
    /// other sites), nosniff, a referrer policy, a permissions policy that turns off what the site never
    /// uses, HSTS outside Development, and no Server header.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var policy = new HeaderPolicyCollection()
            .AddContentSecurityPolicy(csp =>
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
            })
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
            .AddPermissionsPolicyWithDefaultSecureDirectives()
            .RemoveServerHeader();
        if (!app.Environment.IsDevelopment())
        {
            // Sent on HTTPS requests only (including those a proxy forwarded as HTTPS).
            policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60);
        }

        app.UseSecurityHeaders(policy);
        return app;
    }
}
