using System.Globalization;
using System.Text.RegularExpressions;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>
/// One reviewer's sign-off of the symptom check, as the audit log holds it: the fingerprint they signed
/// (<see cref="CheckFingerprint"/>), the title readers see for them (never an email), who it was and when.
/// </summary>
public sealed record CheckSignature(string Fingerprint, string Title, string Actor, DateTimeOffset At);

/// <summary>
/// Whether the symptom check, its how-it-works page, the home page and the diary are signed off, worked out with
/// each content snapshot (<see cref="CheckSignOffPart"/>), so every pre-rendered page of one snapshot agrees. The
/// sign-off holds only for the fingerprint it was given: a change to a question, a rule or a result's text
/// makes <see cref="Current"/> null again until a reviewer signs anew.
/// </summary>
/// <param name="Fingerprint">The check as this build asks and answers it.</param>
/// <param name="Current">The latest sign-off of exactly <paramref name="Fingerprint"/>, if any.</param>
/// <param name="Latest">The latest sign-off of any version, to tell a reviewer what was signed before.</param>
public sealed partial record CheckSignOff(string Fingerprint, CheckSignature? Current, CheckSignature? Latest)
{
    /// <summary>The audit log's event for a sign-off: its detail carries the fingerprint and the title (<see cref="Detail"/>).</summary>
    public const string AuditEvent = "symptom-check-signed-off";

    public bool SignedOff => Current is not null;

    /// <summary>What the page's ETag must change with: a page that turns signed-off is a new page.</summary>
    public string Tag => Current is { } signed
        ? signed.Fingerprint[..8] + signed.At.UtcTicks.ToString("x", CultureInfo.InvariantCulture)
        : "pending";

    /// <summary>Nothing known to be signed: no staff database, or not read yet.</summary>
    public static CheckSignOff Pending(string fingerprint) => new(fingerprint, null, null);

    /// <summary>The audit row's detail for a sign-off: read back by <see cref="Read"/>, so its wording is fixed.</summary>
    public static string Detail(string fingerprint, string title) =>
        $"signed off the symptom check, fingerprint {fingerprint}; shown to readers as \"{title}\"";

    /// <summary>The sign-offs among audit rows (newest first): the current one and the latest.</summary>
    public static CheckSignOff From(string fingerprint, IEnumerable<(string? Actor, DateTimeOffset At, string Detail)> newestFirst)
    {
        var signatures = newestFirst.Select(row => Read(row.Actor, row.At, row.Detail)).OfType<CheckSignature>().ToList();
        return new(fingerprint, signatures.FirstOrDefault(s => s.Fingerprint == fingerprint), signatures.FirstOrDefault());
    }

    private static CheckSignature? Read(string? actor, DateTimeOffset at, string detail) =>
        DetailPattern().Match(detail) is { Success: true } match
            ? new CheckSignature(match.Groups["fingerprint"].Value, match.Groups["title"].Value, actor ?? string.Empty, at)
            : null;

    [GeneratedRegex("""fingerprint (?<fingerprint>[0-9a-f]{64}); shown to readers as "(?<title>.*)"$""", RegexOptions.CultureInvariant)]
    private static partial Regex DetailPattern();
}
