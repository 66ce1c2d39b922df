using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Mirror;

/// <summary>deploy/headacheinfo.service and deploy/install.sh, checked as an operator would run them.</summary>
public sealed class DeployScriptTests
{
    private const string SystemdAnalyze = "/usr/bin/systemd-analyze";

    [SystemdAnalyzeFact]
    public async Task The_service_unit_passes_systemd_analyze_verify()
    {
        var (exit, output, error) = await Deploy.RunAsync(SystemdAnalyze, "verify", Deploy.Script("headacheinfo.service"));

        Assert.True(exit == 0, output + error);
        Assert.DoesNotContain("headacheinfo.service:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_runs_the_published_site_as_its_own_user_hardened_with_its_data_under_var_lib()
    {
        var unit = await File.ReadAllLinesAsync(Deploy.Script("headacheinfo.service"));

        Assert.Contains("User=headacheinfo", unit);
        Assert.Contains("Environment=ASPNETCORE_ENVIRONMENT=Production", unit);
        Assert.Contains("Environment=Site__Home=/var/lib/headacheinfo", unit);
        Assert.Contains("StateDirectory=headacheinfo", unit);
        Assert.Contains("NoNewPrivileges=true", unit);
        Assert.Contains("ProtectSystem=strict", unit);
        Assert.Contains("PrivateTmp=true", unit);
        Assert.Contains("Restart=on-failure", unit);
        Assert.Contains(unit, line => line.StartsWith("ReadWritePaths=", StringComparison.Ordinal) && line.Contains("/var/lib/headacheinfo", StringComparison.Ordinal));
        Assert.Contains(unit, line => line.StartsWith("ExecStart=", StringComparison.Ordinal) && line.Contains("/opt/headacheinfo/HeadacheInfo.Web.dll", StringComparison.Ordinal));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Installing_twice_into_a_throwaway_root_changes_nothing_the_second_time()
    {
        var work = Path.Combine(Path.GetTempPath(), "headacheinfo-install-" + Guid.NewGuid().ToString("N"));
        var published = Path.Combine(work, "published");
        var root = Path.Combine(work, "root");
        Directory.CreateDirectory(published);
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(published, "HeadacheInfo.Web.dll"), "the published site");
        await File.WriteAllTextAsync(Path.Combine(work, "cert.pem"), "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
        await File.WriteAllTextAsync(Path.Combine(work, "key.pem"), "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n");
        string[] install = [Deploy.Script("install.sh"), published, "--cert", Path.Combine(work, "cert.pem"), "--key", Path.Combine(work, "key.pem"),
            "--base-url", "https://headache.clinic.example", "--root", root];
        try
        {
            var first = await Deploy.RunAsync("bash", install);
            var after = Tree(root);
            var second = await Deploy.RunAsync("bash", install);

            Assert.True(first.ExitCode == 0, first.Output + first.Error);
            Assert.True(second.ExitCode == 0, second.Output + second.Error);
            Assert.Contains("nothing changed", second.Output, StringComparison.Ordinal);
            Assert.Equal(after, Tree(root));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(root, "var/lib/headacheinfo")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(root, "etc/headacheinfo/tls/key.pem")));
            Assert.Contains("Site__BaseUrl=https://headache.clinic.example", await File.ReadAllTextAsync(Path.Combine(root, "etc/headacheinfo/headacheinfo.env")), StringComparison.Ordinal);
            var site = await File.ReadAllTextAsync(Path.Combine(root, "etc/nginx/sites-available/headacheinfo"));
            Assert.Contains("root /var/cache/headacheinfo/mirror;", site, StringComparison.Ordinal);
            Assert.Contains("ssl_certificate /etc/headacheinfo/tls/cert.pem;", site, StringComparison.Ordinal);
            Assert.Equal(await File.ReadAllTextAsync(Deploy.Script("headacheinfo.service")), await File.ReadAllTextAsync(Path.Combine(root, "etc/systemd/system/headacheinfo.service")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("/nonexistent/published", "--cert", "/tmp/c.pem", "--key", "/tmp/k.pem")]
    [InlineData("PUBLISHED", "--certbot", "headache.clinic.example")]
    [InlineData("PUBLISHED", "--cert", "/tmp/c.pem")]
    [InlineData("PUBLISHED", "--whatever")]
    public async Task Install_with_bad_arguments_gets_the_usage_and_a_non_zero_exit(params string[] arguments)
    {
        var published = Path.Combine(Path.GetTempPath(), "headacheinfo-published-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(published);
        await File.WriteAllTextAsync(Path.Combine(published, "HeadacheInfo.Web.dll"), "the published site");
        try
        {
            var (exit, _, error) = await Deploy.RunAsync("bash", [Deploy.Script("install.sh"), .. arguments.Select(a => a == "PUBLISHED" ? published : a)]);

            Assert.Equal(2, exit);
            Assert.Contains("usage: ", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(published, recursive: true);
        }
    }

    /// <summary>Every path under the folder with its mode, link target and bytes.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static List<string> Tree(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(path =>
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target)
            {
                // The site's link points into the real /etc, which a throwaway root does not have.
                return $"{Path.GetRelativePath(root, path)} -> {target}";
            }

            var what = File.Exists(path) ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))) : "folder";
            return $"{Path.GetRelativePath(root, path)} {File.GetUnixFileMode(path)} {info.LastWriteTimeUtc:O} {what}";
        })];

    /// <summary>Skipped, saying why, only when systemd-analyze is missing outside CI.</summary>
    public sealed class SystemdAnalyzeFactAttribute : FactAttribute
    {
        public SystemdAnalyzeFactAttribute() => Skip = File.Exists(SystemdAnalyze) || PostgresCluster.InCi
            ? null
            : $"{SystemdAnalyze} was not found and CI is not set; install it with 'apt-get install -y systemd' (.ci/run does) to check the unit.";
    }
}
