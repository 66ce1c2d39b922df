using Microsoft.AspNetCore.Identity;

namespace HeadacheInfo.Web.Staff.Database;

/// <summary>A member of staff. Signs in with email and password; a role says what they may do.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>The name shown in the staff area and the audit log.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Set for a one-time password: the next sign-in must choose a new one before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A disabled account cannot sign in; its history stays.</summary>
    public bool Disabled { get; set; }

    /// <summary>How a reviewer is named on the articles they approve, such as "Senior physiotherapist": never an email.</summary>
    public string RoleTitle { get; set; } = string.Empty;

    /// <summary>How a sign-off names this reviewer to readers: their title, or "Clinical reviewer" when none is set.</summary>
    public string PublicTitle => string.IsNullOrWhiteSpace(RoleTitle) ? "Clinical reviewer" : RoleTitle.Trim();
}
