namespace HeadacheInfo.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium, which the browser tests drive. They never download a browser of their own.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>The flags this machine needs: root without a sandbox, and no calls out to a closed network.</summary>
    public static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>In CI (the CI variable set) a missing browser is a failure, never a skip.</summary>
    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static string? SkipReason => IsInstalled || InCi
        ? null
        : $"Chromium was not found at {ExecutablePath} and CI is not set; install it with 'apt-get install -y chromium' (.ci/run does) to run the browser tests.";
}

/// <summary>A browser test: skipped, saying why, only when Chromium is missing outside CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = Chromium.SkipReason;
}

/// <inheritdoc cref="BrowserFactAttribute"/>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute() => Skip = Chromium.SkipReason;
}
