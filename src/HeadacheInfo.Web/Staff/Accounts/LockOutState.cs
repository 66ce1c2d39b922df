namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>Where one attempt stands: why it is refused (null: it may try), and the failures counted so far.</summary>
public sealed record LockOutState(string? RefusedBecause, int FailuresFromHere, int FailuresForAccount)
{
    public bool Refused => RefusedBecause is not null;
}
