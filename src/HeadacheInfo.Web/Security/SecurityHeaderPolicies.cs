namespace HeadacheInfo.Web.Security;

public static class SecurityHeaderPolicies
{
    /// <summary>
    /// The site's default header policy, for the library's <c>UseSecurityHeaders()</c>: a strict
    /// Content-Security-Policy (no inline script or style, nothing from other sites), nosniff, a referrer
    /// policy, a permissions policy that turns off what the site never uses, HSTS outside Development, and
    /// no Server header.
    /// </summary>
    public static WebApplicationBuilder AddSecurityHeaderPolicies(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSecurityHeaderPolicies(policies => policies.SetDefaultPolicy(policy =>
        {
            policy
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
            if (!development)
            {
                // Sent on HTTPS requests only (including those a proxy forwarded as HTTPS).
                policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60);
            }
        }));
        return builder;
    }
}
