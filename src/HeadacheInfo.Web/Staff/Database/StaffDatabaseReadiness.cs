namespace HeadacheInfo.Web.Staff.Database;

/// <summary>When the staff database is up to date: the staff area waits for it; patients never do.</summary>
public sealed class StaffDatabaseReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    /// <summary>Why the database is being tried again (the site already serves patients), or null.</summary>
    public Exception? Unavailable { get; private set; }

    internal void Retrying(Exception reason) => Unavailable = reason;

    internal void Succeeded()
    {
        Unavailable = null;
        _ready.TrySetResult();
    }

    internal void Failed(Exception reason) => _ready.TrySetException(reason);
}
