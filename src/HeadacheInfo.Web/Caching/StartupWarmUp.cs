namespace HeadacheInfo.Web.Caching;

/// <summary>
/// Whether what the first readers need is ready: the pages rendered and the code they run compiled. The health
/// check waits for it, so that "healthy" means fast, and a load balancer sends readers only then.
/// </summary>
public sealed class StartupWarmUp
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Done => _done.Task;

    internal void Finished() => _done.TrySetResult();
}
