namespace HeadacheInfo.Web.Caching;

/// <summary>
/// Whether what the first readers need is ready: the pages rendered and the code they run compiled. The health
/// check waits for it, so that "healthy" means fast, and a load balancer sends readers only then. The requests
/// the site sends itself to warm up carry a token only this process knows, so they are not logged as readers'.
/// </summary>
public sealed class StartupWarmUp
{
    public const string Header = "X-HeadacheInfo-Warm-Up";

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Done => _done.Task;

    /// <summary>Random per process: a request from outside cannot pass for a warm-up one.</summary>
    public string Token { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether this request is one the site sent itself at start.</summary>
    public bool Sent(HttpContext context) =>
        !Done.IsCompleted && context.Request.Headers[Header] is [{ } token] &&
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(token), System.Text.Encoding.ASCII.GetBytes(Token));

    internal void Finished() => _done.TrySetResult();
}
