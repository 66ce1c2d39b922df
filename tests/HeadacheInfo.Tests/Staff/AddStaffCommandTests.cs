using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;

namespace HeadacheInfo.Tests.Staff;

/// <summary><c>add-staff</c>, as an operator runs it to make the first account.</summary>
public sealed class AddStaffCommandTests : IDisposable
{
    private readonly TemporaryContentFolder _content = new();

    public void Dispose()
    {
        _content.Dispose();
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    private string DataFolder => _content.Root + ".data";

    private async Task<(int ExitCode, string Output)> RunAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await AddStaffCommand.RunAsync(
            ["add-staff", .. args, $"--Content:Path={_content.Root}", $"--Data:Path={DataFolder}"], new StringReader(input), output);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task With_a_password_on_standard_input_it_adds_the_account_and_exits_0()
    {
        var (exitCode, output) = await RunAsync("a long enough passphrase\n", "--email", "first@clinic.example", "--name", "First Admin", "--role", "admin", "--password-stdin");

        Assert.Equal(0, exitCode);
        Assert.Contains("Added first@clinic.example", output, StringComparison.Ordinal);
        Assert.DoesNotContain("a long enough passphrase", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(DataFolder, DataOptions.SqliteFileName)));
    }

    [Fact]
    public async Task The_database_it_creates_is_for_the_user_running_it_only_folder_0700_files_0600()
    {
        var (exitCode, _) = await RunAsync("a long enough passphrase\n", "--email", "private@clinic.example", "--name", "Private", "--role", "admin", "--password-stdin");

        Assert.Equal(0, exitCode);
        if (OperatingSystem.IsWindows())
        {
            return; // permissions there are ACLs, inherited from the folder the operator chose
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(DataFolder));
        foreach (var file in Directory.GetFiles(DataFolder, DataOptions.SqliteFileName + "*"))
        {
            Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{file} is {File.GetUnixFileMode(file)}");
        }
    }

    [Fact]
    public async Task Without_a_password_it_prints_a_one_time_password()
    {
        var (exitCode, output) = await RunAsync("", "--email", "author@clinic.example", "--name", "An Author", "--role", "author");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"One-time password: [a-z0-9]{5}(-[a-z0-9]{5}){3}", output);
    }

    [Theory]
    [InlineData("a long enough passphrase\n", "dup@clinic.example", "author", "already an account")]
    [InlineData("short\n", "weak@clinic.example", "author", "at least 12 characters")]
    [InlineData("a long enough passphrase\n", "role@clinic.example", "boss", "unknown role 'boss'")]
    public async Task A_duplicate_a_weak_password_or_an_unknown_role_exits_1_saying_why(string input, string email, string role, string reason)
    {
        await RunAsync("a long enough passphrase\n", "--email", "dup@clinic.example", "--name", "Dup", "--role", "author", "--password-stdin");

        var (exitCode, output) = await RunAsync(input, "--email", email, "--name", "Someone", "--role", role, "--password-stdin");

        Assert.Equal(1, exitCode);
        Assert.Contains(reason, output, StringComparison.Ordinal);
    }
}
