using System.Diagnostics;

namespace HeadacheInfo.Web.Hosting;

/// <summary>
/// The kill test's hook into the publish path (tests/…/Hosting/PublishCrashTests.cs). When the environment
/// variable <see cref="Variable"/> names a point, the process kills itself there (SIGKILL, as <c>kill -9</c>),
/// so the test sees what a crash at exactly that moment leaves behind. Unset, which it always is outside that
/// test, it does nothing; it can only stop the process, never change what is written.
/// </summary>
public static class CrashPoint
{
    public const string Variable = "HEADACHEINFO_TEST_CRASH_AT";

    /// <summary>A publication's rows are saved but its transaction is not committed yet.</summary>
    public const string BeforeCommit = "before-commit";

    /// <summary>A publication's transaction has committed; nothing after it has run.</summary>
    public const string AfterCommit = "after-commit";

    /// <summary>A published article's file has just been renamed into place.</summary>
    public const string AfterFileWrite = "after-file-write";

    private static readonly string? Armed = Environment.GetEnvironmentVariable(Variable);

    public static void Reached(string point)
    {
        if (Armed is not null && string.Equals(Armed, point, StringComparison.Ordinal))
        {
            using var self = Process.GetCurrentProcess();
            self.Kill();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
