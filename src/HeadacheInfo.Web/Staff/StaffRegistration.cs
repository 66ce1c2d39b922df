using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff;

public static class StaffRegistration
{
    /// <summary>The sign-in cookie's name over HTTPS, as browsers see it.</summary>
    public const string CookieName = HostPrefixedCookieManager.Prefix + PlainHttpCookieName;

    /// <summary>Its name over plain http (Development on localhost), where a <c>__Host-</c> cookie cannot be set.</summary>
    public const string PlainHttpCookieName = "HeadacheInfo.Staff";

    /// <summary>
    /// Staff accounts on the staff database: Identity with roles, lock-out and authenticator codes, the
    /// sign-in cookie, the audit log, and the staff pages' rules (signed-in only, never stored by a cache).
    /// </summary>
    public static WebApplicationBuilder AddStaff(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddStaffAccounts(builder.Configuration);
        builder.Services.AddSingleton<HeadacheInfo.Web.Articles.ISnapshotPart, StaffDashboardPart>();
        builder.Services.AddOptions<ReviewOptions>()
            .BindConfiguration(HeadacheInfo.Web.Articles.ContentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<ArticleWorkflow>();
        builder.Services.AddScoped<StaffWorkQueries>();
        builder.Services.AddScoped<FeedbackFollowUp>();
        builder.Services.AddSingleton<ArticleLocks>();
        builder.Services.AddSingleton<DraftRenderCache>();
        builder.Services.AddSingleton<HeadacheInfo.Web.Articles.IArticleFileStore>(services =>
            new HeadacheInfo.Web.Articles.ArticleFileStore(services.GetRequiredService<IOptions<HeadacheInfo.Web.Articles.ContentOptions>>().Value.FullPath));
        builder.Services.AddSingleton(services =>
            new HeadacheInfo.Web.Articles.ContentImages(services.GetRequiredService<IOptions<HeadacheInfo.Web.Articles.ContentOptions>>().Value.FullPath));
        builder.Services.AddScoped<PictureCatalogue>();
        builder.Services.AddHostedService<OutsideEditRecorder>();
        builder.AddPublishing();
        builder.Services.AddSingleton<ScheduledPublisher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ScheduledPublisher>());
        builder.Services.AddStaffMail();
        builder.Services.AddScoped<SinceLastSignInQuery>();
        var development = builder.Environment.IsDevelopment();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = PlainHttpCookieName;
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

        builder.Services.Configure<RazorPagesOptions>(pages =>
        {
            // Deny by default: every staff page and every handler on it needs a signed-in, enabled account.
            pages.Conventions.AuthorizeFolder(StaffPaths.Folder, StaffPolicies.Staff);
            pages.Conventions.AllowAnonymousToPage(StaffPaths.Folder + "/SignIn");
            // The second step: the password is checked, the account not yet signed in (its own short-lived cookie).
            pages.Conventions.AllowAnonymousToPage(StaffPaths.Folder + "/TwoFactor");
            pages.Conventions.AddFolderApplicationModelConvention(StaffPaths.Folder, model =>
            {
                model.EndpointMetadata.Add(new StaffPageAttribute());
                model.Filters.Add(new StaffPageFilter());
                model.Filters.Add(new ActionButtonHandlers());
            });
        });

        return builder;
    }

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
            .AddSignInManager<StaffSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.Name)
            .AddPasswordValidator<CommonPasswordValidator>();
        // After AddEntityFrameworkStores, so this store is the one UserManager gets.
        services.AddScoped<IUserStore<StaffUser>, ProtectedTokenUserStore>();
        services.AddScoped<AuditLog>();
        services.AddScoped<SignInLockOut>();
        services.AddScoped<StaffSignIn>();
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

    /// <summary>
    /// Every staff response is private and never stored: set before anything runs, so redirects and 4xx carry
    /// it too. A staff request also waits, here, for the staff database to be ready (only in the first seconds).
    /// </summary>
    public static WebApplication UseStaffResponsesNeverStored(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<StaffDatabaseReadiness>();
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<StaffPageAttribute>() is not null)
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                    return Task.CompletedTask;
                });
                await readiness.Ready;
                try
                {
                    await next(context);
                }
                catch (Exception ex) when (DatabaseOutagePage.IsOutage(ex) && !context.Response.HasStarted)
                {
                    await DatabaseOutagePage.WriteAsync(context);
                }

                return;
            }

            await next(context);
        });
        return app;
    }
}

/// <summary>
/// A staff request the database could not answer (a restart, a network drop): a 503 that says so plainly and
/// shows back what was typed, since nothing was saved. Patients are never affected: they are served from the folder.
/// </summary>
internal static class DatabaseOutagePage
{
    public static bool IsOutage(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A password or a sign-in code: never written into a page, even back to the person who typed it.</summary>
    private static bool IsSecret(string field) =>
        field.Contains("Password", StringComparison.OrdinalIgnoreCase) || field.EndsWith("Code", StringComparison.OrdinalIgnoreCase);

    public static async Task WriteAsync(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "30";
        context.Response.ContentType = "text/html; charset=utf-8";
        var encode = System.Text.Encodings.Web.HtmlEncoder.Default;
        var kept = new System.Text.StringBuilder();
        if (context.Request.HasFormContentType && context.Request.Form is { } form)
        {
            foreach (var (name, values) in form)
            {
                var value = values.ToString();
                if (name.StartsWith("__", StringComparison.Ordinal) || name == "action" || value.Length == 0 || IsSecret(name))
                {
                    continue;
                }

                kept.Append(System.Globalization.CultureInfo.InvariantCulture, $"<label>{encode.Encode(name)}<textarea readonly rows=\"4\" data-kept-field=\"{encode.Encode(name)}\">{encode.Encode(value)}</textarea></label>");
            }
        }

        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>The staff database cannot be reached</title></head><body><main data-database-outage>" +
            "<h1>The staff database cannot be reached just now</h1>" +
            "<p>Nothing was saved, approved or published: the site is as it was, and patients can still read it. Try again in a minute.</p>" +
            (kept.Length > 0 ? $"<p>What you typed is below. Copy it before you leave this page, or go back: your browser keeps the form.</p>{kept}" : string.Empty) +
            "</main></body></html>");
    }
}

/// <summary>The staff area's addresses.</summary>
public static class StaffPaths
{
    public const string Folder = "/Staff";
    public const string Home = "/staff";
    public const string SignIn = "/staff/sign-in";
    public const string SignOut = "/staff/sign-out";
}

/// <summary>Endpoint metadata on every staff page: signed-in only, never cached, never indexed.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StaffPageAttribute : Attribute;

/// <summary>Rejects passwords on a short list of the most common ones, whatever their length.</summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "password1234", "password12345", "passwordpassword",
        "qwertyuiop12", "qwertyuiop123", "qwerty123456", "1q2w3e4r5t6y", "iloveyou1234", "letmein12345",
        "welcome12345", "admin1234567", "administrator", "changeme1234", "abc123456789", "aaaaaaaaaaaa",
        "000000000000", "111111111111", "football1234", "monkey123456", "princess1234", "sunshine1234",
        "trustno1trustno1", "correcthorsebatterystaple", "headacheinfo", "headacheinfo1", "physiotherapy",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        var tooCommon = password is not null &&
            (Common.Contains(password) || password.Distinct().Count() <= 2 ||
             (user.Email?.Split('@')[0] is { Length: >= 4 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase)));
        return Task.FromResult(tooCommon
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "That password is too common or too easy to guess. Choose another: a few unrelated words work well." })
            : IdentityResult.Success);
    }
}
