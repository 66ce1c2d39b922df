namespace HeadacheInfo.Web.Staff.Database;

/// <summary>When the staff database is up to date: the staff area waits for it; patients never do.</summary>
public sealed class StaffDatabaseReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    internal void Succeeded() => _ready.TrySetResult();

    internal void Failed(Exception reason) => _ready.TrySetException(reason);
}
