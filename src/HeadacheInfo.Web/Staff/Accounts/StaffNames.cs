using HeadacheInfo.Web.Staff.Database;
using Microsoft.AspNetCore.Identity;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// How staff pages name a person: "Name (title)", the title being a reviewer's public title or the role's
/// name, looked up by the e-mail address records keep. An address with no account (a mistyped sign-in, a
/// deleted account) is shown as it is. Read once per request: a clinic has a handful of accounts.
/// </summary>
public sealed class StaffNames(UserManager<StaffUser> users)
{
    private Dictionary<string, string>? _names;

    public async Task<Func<string?, string>> LoadAsync()
    {
        if (_names is null)
        {
            var titles = new Dictionary<string, string>(StringComparer.Ordinal);
            // Ordered so that the role a person is named by is their highest.
            foreach (var role in new[] { StaffRoles.Author, StaffRoles.Admin, StaffRoles.Reviewer })
            {
                foreach (var user in await users.GetUsersInRoleAsync(role))
                {
                    titles[user.Id] = role == StaffRoles.Reviewer ? user.PublicTitle : role == StaffRoles.Admin ? "Admin" : "Author";
                }
            }

            _names = new(StringComparer.OrdinalIgnoreCase);
            foreach (var user in users.Users.ToList())
            {
                if (user.Email is { } email)
                {
                    var name = string.IsNullOrWhiteSpace(user.DisplayName) ? email : user.DisplayName;
                    _names[email] = titles.TryGetValue(user.Id, out var title) ? $"{name} ({title})" : name;
                }
            }
        }

        var names = _names;
        return email => email is null ? string.Empty : names.TryGetValue(email, out var name) ? name : email;
    }
}
