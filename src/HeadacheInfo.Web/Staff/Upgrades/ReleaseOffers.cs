namespace HeadacheInfo.Web.Staff.Upgrades;

/// <summary>What the last look at the shipped articles found, for the dashboard.</summary>
public sealed class ReleaseOffers
{
    private readonly TaskCompletionSource _firstLook = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile IReadOnlyList<string> _waiting = [];

    /// <summary>Done once the shipped articles have been compared with the live ones for the first time since start.</summary>
    public Task FirstLook => _firstLook.Task;

    /// <summary>
    /// The articles whose release text differs but waits, because a member of staff has a change in progress on
    /// them: it is offered once that change is published or dropped.
    /// </summary>
    public IReadOnlyList<string> WaitingForDraft => _waiting;

    internal void Looked(IReadOnlyList<string> waiting)
    {
        _waiting = waiting;
        _firstLook.TrySetResult();
    }
}
