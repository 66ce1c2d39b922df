using System.Diagnostics;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Mirror;

/// <summary>Runs the scripts in deploy/ as an operator would.</summary>
internal static class Deploy
{
    public static string Script(string name) => Path.Combine(RepositoryFolders.Root, "deploy", name);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The server block nginx-config.sh prints, failing the test when it does not.</summary>
    public static async Task<string> NginxConfigAsync(string mirror, string app, string listen, string cert, string key)
    {
        var (exit, output, error) = await RunAsync("bash", Script("nginx-config.sh"), mirror, app, listen, cert, key);
        Assert.True(exit == 0, error);
        return output;
    }

    /// <summary>The headers a location of the printed block adds: name and value, as nginx sends them.</summary>
    public static Dictionary<string, string> AddedHeaders(string config, string location)
    {
        var start = config.IndexOf($"location {location} {{", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no 'location {location}' in the printed block");
        var end = config.IndexOf("\n    }", start, StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Matches(config[start..end], "add_header ([A-Za-z-]+) \"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.OrdinalIgnoreCase);
    }
}
