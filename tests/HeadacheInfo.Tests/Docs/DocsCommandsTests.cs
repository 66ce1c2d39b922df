using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Tests.Mirror;
using HeadacheInfo.Web.Hosting;

namespace HeadacheInfo.Tests.Docs;

/// <summary>
/// Every shell command in README.md and docs/*.md is run: by this class itself, or by a named test or CI script
/// step listed in <see cref="Coverage"/>. A command added to the docs that nothing runs fails here, so the docs
/// cannot rot again.
/// </summary>
public sealed partial class DocsCommandsTests
{
    /// <summary>What runs each docs command: its pattern, and the tests or script lines that run it.</summary>
    private static readonly IReadOnlyList<Covered> Coverage =
    [
        new(@"^dotnet run --project src/HeadacheInfo\.Web$", RunHere: nameof(The_README_s_first_command_serves_the_site_and_the_staff_area_with_no_setting)),
        new(@"^dotnet test$", Scripts: [(".ci/run", "dotnet test HeadacheInfo.sln")]),
        new(@"^dotnet run --project src/HeadacheInfo\.Web -- check-content( /full/path)?$",
            Tests: ["Folder_without_errors_exits_0", "Folder_with_errors_exits_1_and_sums_up_on_the_last_line"],
            Scripts: [(".ci/run", "-- check-content \"$PWD/content\"")]),
        // The settings examples: the same command with a setting on the command line or in the environment.
        new(@"^dotnet run --project src/HeadacheInfo\.Web -- --Content:Path=\S+$|^Content__Path=\S+ dotnet run --project src/HeadacheInfo\.Web$",
            Tests: ["Missing_content_folder_stops_the_app_naming_the_key_and_the_path"]),
        new(@"^dotnet run --project src/HeadacheInfo\.Web --urls http://localhost:\d+$", RunHere: nameof(The_README_s_first_command_serves_the_site_and_the_staff_area_with_no_setting)),
        new(@"^dotnet run --project src/HeadacheInfo\.Web --no-launch-profile --urls http://localhost:\d+$",
            Scripts: [(".ci/run", "dotnet run --project src/HeadacheInfo.Web --no-build --no-launch-profile")]),
        new(@"^(rm -rf (\S+) && )?dotnet publish src/HeadacheInfo\.Web -c Release -o \S+$", Scripts: [("bench/common.sh", "dotnet publish src/HeadacheInfo.Web -c Release -o"), (".ci/run", "bash bench/run.sh")]),
        new(@"^deploy/install\.sh \S+ (--cert \S+ --key \S+ --base-url https://\S+|--certbot \S+ \S+@\S+)$",
            Tests: ["Installing_twice_into_a_throwaway_root_changes_nothing_the_second_time", "Install_with_bad_arguments_gets_the_usage_and_a_non_zero_exit"]),
        new(@"^bash deploy/nginx-config\.sh \S+ \S+ \d+ \S+ \S+$", RunHere: nameof(The_nginx_command_in_the_docs_prints_a_server_block),
            Tests: ["Pages_from_nginx_are_cached_as_the_site_caches_them"]),
        new(@"^(echo '[^']+' \| )?dotnet run --project src/HeadacheInfo\.Web -- add-staff --email \S+ --name ""[^""]+"" --role (admin|author|reviewer)( --password-stdin)?$",
            Tests: ["With_a_password_on_standard_input_it_adds_the_account_and_exits_0", "Without_a_password_it_prints_a_one_time_password"]),
        // On an installed server: the same command word, as the service's user with the unit's settings (the unit is checked by DeployScriptTests).
        new(@"^cd /opt/headacheinfo && runuser -u headacheinfo -- env ASPNETCORE_ENVIRONMENT=Production Site__Home=/var/lib/headacheinfo dotnet /opt/headacheinfo/HeadacheInfo\.Web\.dll add-staff --email \S+ --name ""[^""]+"" --role admin$",
            Tests: ["With_a_password_on_standard_input_it_adds_the_account_and_exits_0", "The_service_runs_the_published_site_as_its_own_user_hardened_with_its_data_under_var_lib"]),
        new(@"^dotnet run --project src/HeadacheInfo\.Web -- reset-staff --email \S+$", Tests: ["The_last_admin_locked_out_recovers_on_the_server_with_reset_staff"]),
        new(@"^cd /opt/headacheinfo && runuser -u headacheinfo -- env ASPNETCORE_ENVIRONMENT=Production Site__Home=/var/lib/headacheinfo dotnet /opt/headacheinfo/HeadacheInfo\.Web\.dll reset-staff --email \S+$",
            Tests: ["The_last_admin_locked_out_recovers_on_the_server_with_reset_staff", "The_service_runs_the_published_site_as_its_own_user_hardened_with_its_data_under_var_lib"]),
        // As the site's user with the site's settings: the tests run the same command words with --Site:Home.
        new(@"^cd /opt/headacheinfo && dotnet /opt/headacheinfo/HeadacheInfo\.Web\.dll (backup|restore) \S+ --Site:Home=\S+$",
            Tests: ["A_backup_taken_while_the_site_runs_restores_into_a_new_home_with_the_same_articles_accounts_history_and_published_state",
                "Restore_refuses_a_home_that_is_not_empty_and_changes_nothing_in_it"]),
    ];

    [Fact]
    public void Every_command_in_the_README_and_the_docs_is_run_by_a_test_or_a_CI_script()
    {
        var uncovered = DocsCommands().Where(command => !Coverage.Any(row => row.Matches(command.Text))).ToList();

        Assert.True(uncovered.Count == 0,
            "Nothing runs these commands from the docs; run them in a test or CI script and list it in DocsCommandsTests.Coverage:\n" +
            string.Join('\n', uncovered.Select(command => $"  {command.File}: {command.Text}")));
    }

    [Fact]
    public void Every_test_and_script_step_named_as_running_a_docs_command_exists()
    {
        var testSources = string.Join('\n', Directory.EnumerateFiles(Path.Combine(RepositoryFolders.Root, "tests"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var missing = new List<string>();
        foreach (var row in Coverage)
        {
            missing.AddRange(row.Tests.Where(test => !Regex.IsMatch(testSources, $@"\b(Task|void) {Regex.Escape(test)}\(")).Select(test => $"test {test}"));
            missing.AddRange(row.Scripts.Where(step => !File.ReadAllText(Path.Combine(RepositoryFolders.Root, step.File)).Contains(step.Line, StringComparison.Ordinal))
                .Select(step => $"{step.File}: {step.Line}"));
            if (row.Tests.Count == 0 && row.Scripts.Count == 0 && row.RunHere is null)
            {
                missing.Add($"'{row.Pattern}' names nothing that runs it");
            }
        }

        Assert.True(missing.Count == 0, "Named as running a docs command, but not found:\n  " + string.Join("\n  ", missing));
    }

    [Fact]
    public void Every_row_of_the_coverage_table_is_still_a_command_in_the_docs()
    {
        var commands = DocsCommands().Select(command => command.Text).ToList();

        var stale = Coverage.Where(row => !commands.Any(row.Matches)).Select(row => row.Pattern).ToList();

        Assert.True(stale.Count == 0, "No docs command matches these rows any more; remove them:\n  " + string.Join("\n  ", stale));
    }

    [Fact]
    public async Task The_nginx_command_in_the_docs_prints_a_server_block()
    {
        var command = Assert.Single(DocsCommands(), c => c.Text.StartsWith("bash deploy/nginx-config.sh ", StringComparison.Ordinal));
        var arguments = command.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2..];

        var (exit, output, error) = await Deploy.RunAsync("bash", [Deploy.Script("nginx-config.sh"), .. arguments]);

        Assert.True(exit == 0, error);
        Assert.Contains("server {", output, StringComparison.Ordinal);
        Assert.Contains($"root {arguments[0]};", output, StringComparison.Ordinal);
        Assert.Contains($"ssl_certificate {arguments[3]};", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The README's first command, from the repository root, with no setting: the site and the staff area (on
    /// SQLite) answer. Only the port is chosen (as the docs' <c>--urls</c> example shows), so the test never takes
    /// a developer's port 5080, and the build the tests already made is used.
    /// </summary>
    [Fact]
    public async Task The_README_s_first_command_serves_the_site_and_the_staff_area_with_no_setting()
    {
        Assert.Contains(DocsCommands(), command => command.File == "README.md" && command.Text == "dotnet run --project src/HeadacheInfo.Web");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var start = new ProcessStartInfo(SiteProcess.Dotnet,
            ["run", "--project", "src/HeadacheInfo.Web", "--no-build", "--configuration", configuration, "--urls", address.ToString().TrimEnd('/')])
        {
            WorkingDirectory = RepositoryFolders.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var output = new System.Text.StringBuilder();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
            var home = await AnswerAsync(client, "/", process);
            var signIn = await AnswerAsync(client, "/staff/sign-in", process);

            Assert.True(home == HttpStatusCode.OK, $"/ answered {home}\n{output}");
            Assert.True(signIn == HttpStatusCode.OK, $"/staff/sign-in answered {signIn}\n{output}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// The status of the first answer the started site gives, within two minutes; null when it stopped first. A
    /// request the starting site has not answered within the client's timeout (a first build of the pages on a
    /// busy machine) is asked again, as one refused before it listens is.
    /// </summary>
    private static async Task<HttpStatusCode?> AnswerAsync(HttpClient client, string path, Process site)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until && !site.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(path);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < until)
            {
                // The client's timeout, not a refusal: ask again.
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Every command line in a sh, bash or shell block of README.md and docs/*.md, comments left out.</summary>
    internal static IReadOnlyList<DocsCommand> DocsCommands() =>
        [.. DocsFiles.Documents().SelectMany(document => ShellBlocks(document.Text).SelectMany(CommandLines).Select(line => new DocsCommand(document.Name, line)))];

    private static IEnumerable<string> ShellBlocks(string markdown)
    {
        foreach (Match block in ShellBlock().Matches(markdown))
        {
            yield return block.Groups["body"].Value;
        }
    }

    private static IEnumerable<string> CommandLines(string block)
    {
        var pending = "";
        foreach (var raw in block.Split('\n'))
        {
            var line = WithoutComment(raw.Trim());
            if (line.EndsWith('\\'))
            {
                pending += line[..^1].Trim() + " ";
                continue;
            }

            line = (pending + line).Trim();
            pending = "";
            if (line.Length > 0)
            {
                yield return MultipleSpaces().Replace(line, " ");
            }
        }
    }

    /// <summary>The line without a '#' comment outside quotes.</summary>
    private static string WithoutComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is null && c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i].TrimEnd();
            }

            if (c is '\'' or '"')
            {
                quote = quote == c ? null : quote ?? c;
            }
        }

        return line;
    }

    [GeneratedRegex(@"^[ \t]*```(?:sh|bash|shell)[ \t]*\n(?<body>.*?)^[ \t]*```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();

    internal sealed record DocsCommand(string File, string Text);

    private sealed record Covered(
        string Pattern,
        IReadOnlyList<string>? Tests = null,
        IReadOnlyList<(string File, string Line)>? Scripts = null,
        string? RunHere = null)
    {
        public IReadOnlyList<string> Tests { get; } = Tests ?? [];

        public IReadOnlyList<(string File, string Line)> Scripts { get; } = Scripts ?? [];

        public bool Matches(string command) => Regex.IsMatch(command, Pattern);
    }
}
