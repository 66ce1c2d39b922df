namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>
/// One reset of someone else's password or two-step sign-in: asked for, done (at once, or once a second admin
/// confirms it when the account is an admin's), and seen by its owner. It is what the owner is told at their
/// next sign-in and what the accounts page shows; the audit log has the same story in words.
/// </summary>
public sealed class AccountReset
{
    public long Id { get; set; }

    /// <summary>The account reset: its owner.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>One of <see cref="AccountResetKinds"/>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Who asked: an admin's id, or null for <c>reset-staff</c> on the server.</summary>
    public string? RequestedById { get; set; }

    /// <summary>Who asked, as shown: an admin's email, or the command's name.</summary>
    public string RequestedBy { get; set; } = string.Empty;

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The second admin, for an admin's account; null when one admin was enough.</summary>
    public string? ConfirmedBy { get; set; }

    /// <summary>When the reset took effect; null while it waits for a second admin.</summary>
    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>When its owner said they had read the notice; null until then.</summary>
    public DateTimeOffset? SeenAt { get; set; }

    /// <summary>Who did it, by the e-mail addresses the row keeps.</summary>
    public string DoneBy => DoneByNamed(email => email ?? string.Empty);

    /// <summary>Who did it, as the owner, the accounts page and the mail say it: each admin by <paramref name="name"/> (see <see cref="StaffNames"/>).</summary>
    public string DoneByNamed(Func<string?, string> name) => RequestedById is null
        ? $"someone at the server with the {RequestedBy}"
        : ConfirmedBy is null ? name(RequestedBy) : $"{name(ConfirmedBy)}, confirming a request from {name(RequestedBy)}";
}
