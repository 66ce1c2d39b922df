using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Caching;

/// <summary>
/// A snapshot's HTTP validators: the ETag (the build and the content's fingerprint, the same on every
/// instance that loaded the same files) and Last-Modified (when it was loaded, in whole seconds).
/// </summary>
public sealed record PageValidators(string Tag, DateTimeOffset LastModified)
{
    private static readonly string Build =
        typeof(PageValidators).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    public static PageValidators Of(ContentSnapshot snapshot)
    {
        // HTTP dates have whole seconds; a fraction would make every If-Modified-Since look older.
        var loaded = snapshot.LoadedAt.UtcTicks;
        return new($"{Build}-{snapshot.Fingerprint}", new DateTimeOffset(loaded - (loaded % TimeSpan.TicksPerSecond), TimeSpan.Zero));
    }
}

/// <summary>Works out the validators once, with the snapshot.</summary>
internal sealed class PageValidatorsPart : ISnapshotPart
{
    public ValueTask<object> BuildAsync(ContentSnapshot snapshot, ContentSnapshot previous, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object>(PageValidators.Of(snapshot));
}
