using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Caching;

/// <summary>
/// A snapshot's HTTP validators: the ETag (the build, the content's fingerprint and the symptom check's sign-off, the same on every
/// instance that loaded the same files) and Last-Modified (when it was loaded, in whole seconds).
/// </summary>
public sealed record PageValidators(string Tag, DateTimeOffset LastModified)
{
    private static readonly string Build =
        typeof(PageValidators).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    public static PageValidators Of(ContentSnapshot snapshot)
    {
        // The symptom check's sign-off shows on pages too: signing it off makes them new pages, changed when it was given.
        var checkSignOff = snapshot.Part<SymptomCheck.CheckSignOff>();
        var changed = checkSignOff?.Current is { } signed && signed.At > snapshot.LoadedAt ? signed.At : snapshot.LoadedAt;
        // HTTP dates have whole seconds; a fraction would make every If-Modified-Since look older.
        var ticks = changed.UtcTicks;
        // So do the clinic's name, logo, colour and contact details, in every page's header and footer.
        var settings = snapshot.Part<Staff.SiteSettings.SiteSettings>()?.Fingerprint ?? "config";
        return new($"{Build}-{snapshot.Fingerprint}-{checkSignOff?.Tag ?? "pending"}-{settings}", new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
    }
}

/// <summary>Works out the validators once, with the snapshot.</summary>
internal sealed class PageValidatorsPart : ISnapshotPart
{
    public ValueTask<object> BuildAsync(ContentSnapshot snapshot, ContentSnapshot previous, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object>(PageValidators.Of(snapshot));
}
