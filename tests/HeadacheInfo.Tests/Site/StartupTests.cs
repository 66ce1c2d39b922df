using System.Diagnostics;

namespace HeadacheInfo.Tests.Site;

/// <summary>Starts the real app as its own process, as an operator would, and reads what it prints.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Missing_content_folder_stops_the_app_naming_the_key_and_the_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), "headacheinfo-tests", "does-not-exist-" + Guid.NewGuid().ToString("N"));

        var (exitCode, output) = await RunSiteAsync(("Content__Path", missing), ("ASPNETCORE_URLS", "http://127.0.0.1:0"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"Content:Path: the content folder '{missing}' does not exist", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Clinic__EmergencyNumber", "", "Clinic:EmergencyNumber must be set")]
    [InlineData("Clinic__EmergencyNumber", "call us", "Clinic:EmergencyNumber must be a phone number")]
    [InlineData("Clinic__UrgentAdviceUrl", "not a web address", "Clinic:UrgentAdviceUrl must be a full web address")]
    [InlineData("Clinic__Phone", "ring reception", "Clinic:Phone must be a phone number")]
    [InlineData("Clinic__PhysioRegisterUrl", "hcpc register", "Clinic:PhysioRegisterUrl must be a full web address")]
    [InlineData("Clinic__PhysioRegisterName", "", "Clinic:PhysioRegisterName must be set")]
    [InlineData("Clinic__TimeZone", "Mars/Olympus_Mons", "Clinic:TimeZone must be an IANA time zone name")]
    public async Task Bad_clinic_setting_stops_the_app_naming_the_key(string variable, string value, string message)
    {
        var content = Path.Combine(Path.GetTempPath(), "headacheinfo-tests", "startup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(content, "articles"));
        try
        {
            var (exitCode, output) = await RunSiteAsync(("Content__Path", content), (variable, value), ("ASPNETCORE_URLS", "http://127.0.0.1:0"));

            Assert.NotEqual(0, exitCode);
            Assert.Contains(message, output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    public static TheoryData<string, string, string, string> BadStaffDatabases => new()
    {
        { "Postgres", $"Host=127.0.0.1;Port={HeadacheInfo.Tests.Infrastructure.PostgresCluster.FreePort()};Username=nobody;Database=none;Timeout=2", "", "check ConnectionStrings:Staff" },
        { "Postgres", "", "", "ConnectionStrings:Staff must be set" },
        { "Sqlite", "", "file", "check Data:Path" },
        { "Oracle", "", "", "Database:Provider must be 'Sqlite' or 'Postgres'" },
    };

    [Theory]
    [MemberData(nameof(BadStaffDatabases))]
    public async Task A_staff_database_that_cannot_be_used_stops_the_app_naming_the_key_without_a_stack_trace(
        string provider, string connection, string dataPath, string message)
    {
        var content = Path.Combine(Path.GetTempPath(), "headacheinfo-tests", "startup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(content, "articles"));
        var blocker = content + ".blocker";
        File.WriteAllText(blocker, "a file where the data folder should be");
        try
        {
            var (exitCode, output) = await RunSiteAsync(
                ("Content__Path", content), ("Database__Provider", provider), ("ConnectionStrings__Staff", connection),
                ("Data__Path", dataPath == "file" ? blocker : content + ".data"), ("ASPNETCORE_URLS", "http://127.0.0.1:0"));

            Assert.NotEqual(0, exitCode);
            Assert.Contains(message, output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
            File.Delete(blocker);
        }
    }

    [Theory]
    [InlineData("import-contnet")]
    [InlineData("check-contents")]
    [InlineData("serve")]
    public async Task An_unknown_command_word_exits_2_with_the_list_of_commands_and_starts_no_server(string word)
    {
        var (exitCode, output) = await RunSiteAsync([word], ("ASPNETCORE_URLS", "http://127.0.0.1:0"));

        Assert.Equal(2, exitCode);
        Assert.Contains($"'{word}' is not a command", output, StringComparison.Ordinal);
        Assert.Contains("check-content", output, StringComparison.Ordinal);
        Assert.Contains("add-staff", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_start_does_not_log_the_database_s_SQL()
    {
        var content = Path.Combine(Path.GetTempPath(), "headacheinfo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(content, "articles"));
        // Run from its own folder, as a published site is, so it reads its appsettings.json (the logging levels).
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "HeadacheInfo.Web.dll"), "--contentRoot", AppContext.BaseDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
            Environment = { ["Content__Path"] = content, ["Data__Path"] = content + ".data", ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" },
        };
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? address = null;
            while (address is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.AppendLine(line);
                address = System.Text.RegularExpressions.Regex.Match(line, @"Now listening on: (http://\S+)") is { Success: true } m ? m.Groups[1].Value : null;
            }

            Assert.True(address is not null, output.ToString());
            // A staff page waits until the database is created and brought up to date: every migration has run.
            using var http = new HttpClient();
            using var signIn = await http.GetAsync(new Uri(address + "/staff/sign-in"), timeout.Token);
            Assert.Equal(System.Net.HttpStatusCode.OK, signIn.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            output.Append(await process.StandardOutput.ReadToEndAsync()).Append(await process.StandardError.ReadToEndAsync());
            Directory.Delete(content, recursive: true);
        }

        Assert.DoesNotContain("Executed DbCommand", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE TABLE", output.ToString(), StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output)> RunSiteAsync(params (string Name, string Value)[] environment) =>
        RunSiteAsync([], environment);

    private static async Task<(int ExitCode, string Output)> RunSiteAsync(string[] arguments, params (string Name, string Value)[] environment)
    {
        var site = Path.Combine(AppContext.BaseDirectory, "HeadacheInfo.Web.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [site, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
