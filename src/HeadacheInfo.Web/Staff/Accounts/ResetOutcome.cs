namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>How asking for, or confirming, a reset or an admin change of someone else's account went.</summary>
public enum ResetState
{
    /// <summary>Reset now: the owner is told.</summary>
    Done,

    /// <summary>The account is an admin's: recorded, nothing changed, until a second admin confirms.</summary>
    Waiting,

    /// <summary>The same reset of the same account already waits for a second admin.</summary>
    AlreadyWaiting,

    /// <summary>No such request waits (done already, or too old to confirm).</summary>
    NotWaiting,

    /// <summary>The admin who asked tried to confirm it themselves.</summary>
    ByRequester,

    /// <summary>The confirming admin was made an admin (or enabled again) after the request was made: not a second person's say.</summary>
    AdminSinceRequest,

    /// <summary>Done at once by the clinic's only admin: making someone an admin, with nobody else to confirm it.</summary>
    DoneAsOnlyAdmin,

    /// <summary>The owner of the account tried to confirm it.</summary>
    ByOwner,
}

/// <param name="OneTimePassword">For a password reset that was done: shown once to the admin who did it.</param>
/// <param name="HasConfirmer">For a waiting request: whether any admin exists who could confirm it.</param>
public sealed record ResetOutcome(ResetState State, AccountReset? Reset = null, StaffUserName? Owner = null, string? OneTimePassword = null, bool HasConfirmer = true);

/// <summary>An account as a reset names it.</summary>
public sealed record StaffUserName(string Id, string Email, bool IsAdmin);
