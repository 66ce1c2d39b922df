using System.Diagnostics;
using System.Net.Sockets;

namespace HeadacheInfo.Tests.Infrastructure;

/// <summary>
/// Debian's nginx run by a test: not as a daemon, with its own prefix and configuration in a temporary folder, on a
/// loopback port, killed with its workers at the end. The folder is readable by everyone: as root, nginx's workers
/// run as another user.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class NginxServer : IAsyncDisposable
{
    public const string Program = "/usr/sbin/nginx";

    /// <summary>Why nginx tests skip: only when nginx is not installed and CI is not set.</summary>
    public static string? SkipReason => File.Exists(Program) || PostgresCluster.InCi
        ? null
        : $"nginx was not found at {Program} and CI is not set; install it with 'apt-get install -y nginx' (.ci/run does) to run these tests.";

    private readonly Process _process;

    private NginxServer(Process process, string folder)
    {
        _process = process;
        Folder = folder;
    }

    public string Folder { get; }

    public string ErrorLog => File.Exists(Path.Combine(Folder, "error.log")) ? File.ReadAllText(Path.Combine(Folder, "error.log")) : string.Empty;

    /// <summary>Starts nginx with <paramref name="serverBlock"/> in its http context and waits until <paramref name="port"/> accepts connections.</summary>
    public static async Task<NginxServer> StartAsync(string folder, string serverBlock, int port)
    {
        Assert.True(File.Exists(Program), $"nginx is not installed at {Program} (apt-get install -y nginx); in CI these tests must run.");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        await File.WriteAllTextAsync(Path.Combine(folder, "site.conf"), serverBlock);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/site.conf;
            }
            """);
        var start = new ProcessStartInfo(Program, ["-p", folder + "/", "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        var server = new NginxServer(process, folder);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (process.HasExited)
            {
                Assert.Fail($"nginx stopped at start ({process.ExitCode}): {await process.StandardError.ReadToEndAsync()}{server.ErrorLog}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

/// <summary>A test that needs nginx: skipped, saying why, only when it is missing outside CI.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute() => Skip = NginxServer.SkipReason;
}
