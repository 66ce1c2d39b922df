using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace HeadacheInfo.Web.Staff.Accounts;

public static class StaffAccountsRegistration
{
    /// <summary>Accounts, roles and the audit log on the staff database; shared by the site and <c>add-staff</c>.</summary>
    public static IServiceCollection AddStaffAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStaffDatabase(configuration);
        services.AddIdentity<StaffUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                // Length beats rules about symbols (NIST SP 800-63B): 12 or more characters, not a common password.
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 4;
                // Identity's per-account lock-out now counts wrong authenticator codes only (someone who knows
                // the password); wrong passwords lock out an address, not an account (SignInLockOut).
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                // Each code once, within one 30-second step either side (Identity's own: any number of times, 90 s).
                identity.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<StaffDbContext>()
            .AddErrorDescriber<StaffIdentityErrorDescriber>()
            .AddSignInManager<StaffSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.Name)
            .AddAccountLinkTokens()
            .AddPasswordValidator<CommonPasswordValidator>();
        // After AddEntityFrameworkStores, so this store is the one UserManager gets.
        services.AddScoped<IUserStore<StaffUser>, ProtectedTokenUserStore>();
        services.AddScoped<AuditLog>();
        services.AddScoped<StaffNames>();
        services.AddScoped<SignInLockOut>();
        services.AddScoped<StaffSignIn>();
        // Here, not with the rest of the mail, because reset-staff on the server tells the owner too.
        services.AddScoped<AccountMail>();
        services.AddScoped<AccountResets>();
        return services;
    }

    /// <summary>
    /// The sign-in cookies (the session's and the two-step one's), checked against the database on every
    /// staff request, and the staff area's authorisation rules.
    /// </summary>
    public static WebApplicationBuilder AddStaffSignIn(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = StaffRegistration.PlainHttpCookieName;
            cookie.CookieManager = new HostPrefixedCookieManager();
            cookie.Cookie.Path = "/";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.ExpireTimeSpan = StaffSessions.SlidingLifetime;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = StaffPaths.SignIn;
            cookie.LogoutPath = StaffPaths.SignOut;
            cookie.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
            cookie.Events.OnSigningIn = StaffSessions.OnSigningInAsync;
            cookie.Events.OnValidatePrincipal = StaffSessions.OnValidatePrincipalAsync;
        });
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.CookieManager = new HostPrefixedCookieManager();
            cookie.Cookie.Path = "/";
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        // The stamp is checked against the database on every staff request, not every 30 minutes: a change of
        // role, a disabled account, a new password or a sign-out ends every copy of the cookie at its next use.
        builder.Services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.Zero);
        builder.Services.AddStaffPolicies();

        return builder;
    }

    /// <summary>The staff area's authorisation rules (<see cref="StaffPolicies"/>), each reading the account from the database.</summary>
    private static IServiceCollection AddStaffPolicies(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, StaffRoleHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Staff, policy => policy.RequireAuthenticatedUser().AddRequirements(new StaffRoleRequirement([])))
            .AddPolicy(StaffPolicies.Admin, policy => policy.RequireAuthenticatedUser().AddRequirements(new StaffRoleRequirement([StaffRoles.Admin])))
            .AddPolicy(StaffPolicies.Reviewer, policy => policy.RequireAuthenticatedUser().AddRequirements(new StaffRoleRequirement([StaffRoles.Reviewer])))
            .AddPolicy(StaffPolicies.ReviewerOrAdmin, policy => policy.RequireAuthenticatedUser()
                .AddRequirements(new StaffRoleRequirement([StaffRoles.Reviewer, StaffRoles.Admin])));
        return services;
    }

    /// <summary>Staff pages answer a reader who is not allowed in: a sign-in page for a GET, a 4xx for anything else.</summary>
    private static Task Challenge(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (status == StatusCodes.Status401Unauthorized &&
            (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
