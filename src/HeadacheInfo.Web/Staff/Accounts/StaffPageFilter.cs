using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// Steps a signed-in member of staff must take before anything else: choose a new password after a one-time
/// one, and, for an admin, turn on two-step sign-in with an authenticator app.
/// </summary>
internal sealed class StaffPageFilter : IAsyncPageFilter
{
    public const string ChangePasswordPage = "/Staff/ChangePassword";
    public const string AuthenticatorPage = "/Staff/Authenticator";
    private static readonly string[] AlwaysOpen = ["/Staff/SignIn", "/Staff/SignOut", "/Staff/TwoFactor", "/Staff/ForgotPassword", "/Staff/ChoosePassword"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        if (context.HttpContext.User.Identity?.IsAuthenticated == true && !AlwaysOpen.Contains(page, StringComparer.Ordinal))
        {
            var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<StaffUser>>();
            if (await users.GetUserAsync(context.HttpContext.User) is not { Disabled: false } user)
            {
                // Disabled or deleted since signing in: out, now.
                await context.HttpContext.RequestServices.GetRequiredService<SignInManager<StaffUser>>().SignOutAsync();
                context.Result = new RedirectToPageResult("/Staff/SignIn");
                return;
            }

            if (user.MustChangePassword && page != ChangePasswordPage)
            {
                context.Result = new RedirectToPageResult(ChangePasswordPage);
                return;
            }

            if (!user.MustChangePassword && !user.TwoFactorEnabled && page != AuthenticatorPage &&
                await users.IsInRoleAsync(user, StaffRoles.Admin))
            {
                context.Result = new RedirectToPageResult(AuthenticatorPage);
                return;
            }
        }

        await next();
    }
}
