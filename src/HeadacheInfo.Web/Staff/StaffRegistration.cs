using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using HeadacheInfo.Web.Staff.Publishing;
using HeadacheInfo.Web.Staff.Upgrades;
using HeadacheInfo.Web.Staff.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
        builder.AddStaffSignIn();
        builder.AddPublishing();
        builder.AddEditorial();
        // Which editorial buttons a page shows: the editorial rules, asked through IAuthorizationService.
        builder.Services.AddScoped<IAuthorizationHandler, EditorialRulesHandler>();
        builder.Services.AddReleaseOffers();
        builder.Services.AddStaffMail();

        builder.Services.Configure<RazorPagesOptions>(pages =>
        {
            // Deny by default: every staff page and every handler on it needs a signed-in, enabled account.
            pages.Conventions.AuthorizeFolder(StaffPaths.Folder, StaffPolicies.Staff);
            pages.Conventions.AllowAnonymousToPage(StaffPaths.Folder + "/SignIn");
            // The second step: the password is checked, the account not yet signed in (its own short-lived cookie).
            pages.Conventions.AllowAnonymousToPage(StaffPaths.Folder + "/TwoFactor");
            // A forgotten password, and the e-mailed links to choose one: whoever opens them cannot sign in yet.
            pages.Conventions.AllowAnonymousToPage(StaffPaths.Folder + "/ForgotPassword");
            pages.Conventions.AllowAnonymousToPage(StaffPaths.Folder + "/ChoosePassword");
            // The operations guide's HTTPS section: public documentation, for the sign-in page's plain-http notice.
            pages.Conventions.AllowAnonymousToPage(StaffPaths.Folder + "/HttpsGuide");
            pages.Conventions.AddFolderApplicationModelConvention(StaffPaths.Folder, model =>
            {
                model.EndpointMetadata.Add(new StaffPageAttribute());
                model.Filters.Add(new StaffPageFilter());
                model.Filters.Add(new ActionButtonHandlers());
            });
        });

        return builder;
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
