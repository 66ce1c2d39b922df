using HeadacheInfo.Web.Site;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Mirror;

/// <summary>The static mirror's setting, in the <c>Site</c> section: <c>Site:StaticMirrorPath</c>.</summary>
public sealed class StaticMirrorOptions
{
    public const string Key = SiteOptions.Section + ":" + nameof(StaticMirrorPath);

    /// <summary>
    /// A folder of this instance's own where every reader page, picture and stylesheet is written as files on each
    /// new content snapshot, for nginx to serve (<c>deploy/nginx-config.sh</c>). Unset: no mirror.
    /// </summary>
    public string? StaticMirrorPath { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(StaticMirrorPath);
}

/// <summary>
/// Stops the start, naming the key, when the mirror could not work: a relative path (it would depend on the folder
/// the service starts in), no fixed site address (the pages would name whatever host asked), a folder that cannot be
/// written, or one holding files the site did not write (the mirror removes what it does not list).
/// </summary>
internal sealed class StaticMirrorOptionsValidator(IOptions<SiteOptions> site) : IValidateOptions<StaticMirrorOptions>
{
    public ValidateOptionsResult Validate(string? name, StaticMirrorOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var path = options.StaticMirrorPath!;
        if (!Path.IsPathFullyQualified(path))
        {
            return Fail($"'{path}' is not an absolute path. Give the full path of a folder of its own, such as /var/cache/headacheinfo/mirror.");
        }

        if (string.IsNullOrWhiteSpace(site.Value.BaseUrl))
        {
            return Fail("it needs Site:BaseUrl (Site__BaseUrl) set to the site's public address: the mirror's pages name it.");
        }

        try
        {
            Directory.CreateDirectory(path);
            if (!StaticMirror.IsOwnFolder(path))
            {
                return Fail($"'{path}' holds files the site did not write. Give it an empty folder of its own: the mirror removes what it did not write.");
            }

            var probe = Path.Combine(path, $".write-test-{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail($"the folder '{path}' cannot be written ({ex.Message}). Make it writable by the site's user.");
        }

        return ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult Fail(string reason) =>
        ValidateOptionsResult.Fail($"{StaticMirrorOptions.Key}: {reason} (environment variable Site__StaticMirrorPath)");
}
