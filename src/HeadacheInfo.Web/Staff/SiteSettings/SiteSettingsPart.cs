using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.SiteSettings;

/// <summary>
/// Reads <see cref="SiteSettings.FileName"/> with each snapshot, so every page rendered from it (and its ETag)
/// shows one set of values. No file: the <c>Clinic</c> section of configuration. A file that does not pass the
/// page's own rules (edited by hand) is not used: the last good values stand, and the log says why.
/// </summary>
internal sealed partial class SiteSettingsPart(IOptions<ContentOptions> content, IOptions<ClinicOptions> clinic, ILogger<SiteSettingsPart> logger)
    : ISnapshotPart
{
    public ValueTask<object> BuildAsync(ContentSnapshot snapshot, ContentSnapshot previous, CancellationToken cancellationToken)
    {
        var first = SiteSettings.From(clinic.Value);
        var path = Path.Combine(content.Value.FullPath, SiteSettings.FileName);
        string? text;
        try
        {
            text = File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException ex)
        {
            LogUnreadable(ex.Message);
            return ValueTask.FromResult<object>(previous.Part<SiteSettings>() ?? first);
        }

        if (text is null)
        {
            return ValueTask.FromResult<object>(first);
        }

        var (settings, problems) = SiteSettingsRules.ReadFile(text);
        if (settings is null)
        {
            LogUnreadable(string.Join(" ", problems));
            return ValueTask.FromResult<object>(previous.Part<SiteSettings>() ?? first);
        }

        return ValueTask.FromResult<object>(settings);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The site settings file could not be used; the last good values stand: {Reason}")]
    private partial void LogUnreadable(string reason);
}
