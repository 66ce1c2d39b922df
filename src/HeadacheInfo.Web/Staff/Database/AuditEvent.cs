namespace HeadacheInfo.Web.Staff.Database;

/// <summary>Something that matters for security, kept for admins to read: who, when, what. Never a password.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>One of <see cref="AuditEvents"/>.</summary>
    public string Event { get; set; } = string.Empty;

    /// <summary>Who did it: the signed-in account's email, or the email typed at a failed sign-in.</summary>
    public string? Actor { get; set; }

    /// <summary>What it was about, in plain words (an account, a role).</summary>
    public string Detail { get; set; } = string.Empty;

    /// <summary>The client's address, as the site saw it.</summary>
    public string? ClientAddress { get; set; }
}
