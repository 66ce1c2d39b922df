using System.Security.Claims;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// What an editorial decision is about, as the rules need it: everyone who wrote the text it would sign off, and
/// the article's change in progress when the page knows it (a confirmation waits while a change does).
/// </summary>
public sealed record EditorialResource(IReadOnlyCollection<string> Writers, ChangeState? State = null)
{
    /// <summary>A decision that signs no one's text off (take down, roll back, cancel, the symptom check), or a question of role alone.</summary>
    public static readonly EditorialResource SignsNothingOff = new([]);
}

/// <summary>
/// Each <see cref="EditorialAction"/> as an operation <see cref="IAuthorizationService"/> decides on a
/// <see cref="EditorialResource"/>: how a page asks which buttons to show. The answer is <see cref="EditorialRules"/>'
/// (through <see cref="EditorialRulesHandler"/>), the same the workflow gets before it acts.
/// </summary>
public static class EditorialOperations
{
    private static readonly Dictionary<string, (EditorialAction Action, OperationAuthorizationRequirement Requirement)> ByName =
        Enum.GetValues<EditorialAction>().ToDictionary(a => a.ToString(), a => (a, new OperationAuthorizationRequirement { Name = a.ToString() }), StringComparer.Ordinal);

    public static OperationAuthorizationRequirement For(EditorialAction action) => ByName[action.ToString()].Requirement;

    /// <summary>The action an operation names, if it is an editorial one.</summary>
    public static EditorialAction? ActionOf(OperationAuthorizationRequirement requirement) =>
        requirement.Name is { } name && ByName.TryGetValue(name, out var known) ? known.Action : null;

    /// <summary>
    /// Whether the signed-in <paramref name="user"/> may take <paramref name="action"/> on a text <paramref name="writers"/>
    /// wrote, with the article's change in progress in <paramref name="state"/> when the page has it.
    /// </summary>
    public static async Task<bool> MayAsync(this IAuthorizationService authorization, ClaimsPrincipal user, EditorialAction action,
        IReadOnlyCollection<string>? writers = null, ChangeState? state = null) =>
        (await authorization.AuthorizeAsync(user,
            writers is null && state is null ? EditorialResource.SignsNothingOff : new EditorialResource(writers ?? [], state), For(action))).Succeeded;
}

/// <summary>
/// Answers <see cref="EditorialOperations"/> from <see cref="EditorialRules"/> and the person's roles now, read
/// from the database (<see cref="EditorialActors"/>), never from the copy in the sign-in cookie.
/// </summary>
internal sealed class EditorialRulesHandler(UserManager<StaffUser> users) : AuthorizationHandler<OperationAuthorizationRequirement, EditorialResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, EditorialResource resource)
    {
        if (EditorialOperations.ActionOf(requirement) is not { } action || context.User.Identity?.IsAuthenticated != true ||
            await users.GetUserAsync(context.User) is not { } user)
        {
            return;
        }

        if (EditorialRules.Allows(action, await EditorialActors.ForAsync(users, user), resource.Writers, resource.State))
        {
            context.Succeed(requirement);
        }
    }
}
