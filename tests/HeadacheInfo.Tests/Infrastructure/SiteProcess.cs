using System.Diagnostics;
using System.Text;

namespace HeadacheInfo.Tests.Infrastructure;

/// <summary>
/// The built site run as a real process, as production runs it: its own settings, a fixed loopback port (so it
/// can be stopped and started again at the same address), its output kept for the failure message.
/// </summary>
public sealed class SiteProcess(string name, int port, IReadOnlyDictionary<string, string> settings) : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    public string Name => name;

    public Uri Address { get; } = new($"http://127.0.0.1:{port}");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The folder given as --contentRoot (wwwroot and appsettings.json); the test build's own by default.</summary>
    public string ContentRoot { get; init; } = AppContext.BaseDirectory;

    /// <summary>Whether the process has stopped (or was never started).</summary>
    public bool HasExited => _process?.HasExited ?? true;

    public static string SiteDll => Path.Combine(AppContext.BaseDirectory, "HeadacheInfo.Web.dll");

    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    public void Start()
    {
        var start = new ProcessStartInfo(Dotnet, [SiteDll, "--contentRoot", ContentRoot])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/');
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Whether the process ends by itself within <paramref name="limit"/> (it was killed, or it stopped).</summary>
    public async Task<bool> ExitsWithinAsync(TimeSpan limit)
    {
        if (_process is not { } process)
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Runs a command of the built site (add-staff, import-content...) to its end.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(IEnumerable<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo(Dotnet, [SiteDll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
