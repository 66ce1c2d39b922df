using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace HeadacheInfo.Tests.Infrastructure;

/// <summary>
/// A real, throwaway PostgreSQL server for the tests: initdb into a temporary folder, pg_ctl on a free
/// loopback port, stopped and deleted at the end. Debian's postgresql package provides the programs; as
/// root (CI) the server runs as the postgres system user, since initdb refuses root.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    public static readonly string? BinFolder = Directory.Exists("/usr/lib/postgresql")
        ? Directory.EnumerateDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb"))).OrderDescending().FirstOrDefault()
        : null;

    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Why Postgres tests skip: only when the server is not installed and CI is not set.</summary>
    public static string? SkipReason => BinFolder is not null || InCi
        ? null
        : "PostgreSQL was not found under /usr/lib/postgresql and CI is not set; install it with 'apt-get install -y postgresql' (.ci/run does) to run these tests.";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "headacheinfo-pg-" + Guid.NewGuid().ToString("N"));
    private int _port;
    private int _databases;

    public static string Host => "127.0.0.1";

    public int Port => _port;

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return; // every test using the server is skipped, saying why
        }

        Assert.True(BinFolder is not null, "PostgreSQL is not installed (apt-get install -y postgresql); in CI these tests must run.");
        Directory.CreateDirectory(_folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", _folder]);
        }

        _port = FreePort();
        var data = Path.Combine(_folder, "data");
        await RunAsPostgresAsync(asRoot, Path.Combine(BinFolder!, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
        await StartAsync();
    }

    /// <summary>Starts the server (again, after <see cref="StopAsync"/>) on the same port with the same data.</summary>
    public Task StartAsync() =>
        RunAsPostgresAsync(Environment.UserName == "root", Path.Combine(BinFolder!, "pg_ctl"),
            ["-D", Path.Combine(_folder, "data"), "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start",
             "-o", $"-p {_port} -c listen_addresses=127.0.0.1 -k {_folder} -c fsync=off -c full_page_writes=off"]);

    /// <summary>A new, empty database on the server, and its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"headacheinfo_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host={Host};Port={_port};Username=postgres;Database={database};Pooling=false;Timeout=5;Command Timeout=15";

    public Task StopAsync() =>
        RunAsPostgresAsync(Environment.UserName == "root", Path.Combine(BinFolder!, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-w", "-m", "immediate", "stop"]);

    public async Task DisposeAsync()
    {
        try
        {
            if (BinFolder is not null && File.Exists(Path.Combine(_folder, "data", "postmaster.pid")))
            {
                await StopAsync();
            }
        }
        finally
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temporary-folder cleaning.
            }
        }
    }

    /// <summary>A loopback port nothing listens on (at the moment of asking).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(bool asRoot, string program, string[] args) =>
        asRoot ? RunAsync("runuser", ["-u", "postgres", "--", program, .. args]) : RunAsync(program, args);

    private static async Task RunAsync(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
    }
}

/// <summary>One PostgreSQL server for every test class that needs one.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresGroup : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}

/// <summary>A test that needs PostgreSQL: skipped, saying why, only when it is missing outside CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresCluster.SkipReason;
}
