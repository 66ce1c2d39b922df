using System.Reflection;
using System.Text.RegularExpressions;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.SymptomCheck;

/// <summary>The hazard log names tests that exist, and never claims a clinical review that has not happened.</summary>
public sealed partial class HazardLogTests
{
    private static readonly string Log = File.ReadAllText(Path.Combine(RepositoryFolders.Root, "src", "HeadacheInfo.Web", "SymptomCheck", "HAZARDS.md"));

    [Fact]
    public void Every_test_the_hazard_log_names_exists()
    {
        var tests = typeof(HazardLogTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods().Where(m => m.GetCustomAttributes<FactAttribute>().Any()).Select(m => $"{type.Name}.{m.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        var named = TestName().Matches(Log).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(named);
        Assert.All(named, name => Assert.True(tests.Contains(name), $"HAZARDS.md names {name}, which is not a test"));
    }

    [Fact]
    public void The_hazard_log_says_it_is_not_yet_signed_off_by_a_clinician()
    {
        Assert.Contains("Clinical sign-off: not yet reviewed by a registered clinician", Log, StringComparison.Ordinal);
    }

    private static readonly string[] BeforeAndAfter = ["before", "after"];

    private static readonly string[] Severities = ["minor", "significant", "considerable", "major", "catastrophic"];

    /// <summary>The DCB0129 risk matrix: by likelihood, the risk for each severity from minor to catastrophic.</summary>
    private static readonly Dictionary<string, int[]> Matrix = new(StringComparer.Ordinal)
    {
        ["very high"] = [3, 4, 4, 5, 5],
        ["high"] = [2, 3, 3, 4, 5],
        ["medium"] = [2, 2, 3, 3, 4],
        ["low"] = [1, 2, 2, 3, 4],
        ["very low"] = [1, 1, 2, 2, 3],
    };

    [Fact]
    public void Every_hazard_is_scored_before_and_after_its_guard_on_the_DCB0129_matrix_and_marked_proposed()
    {
        var hazards = Hazard().Split(Log).Skip(1).ToList();

        Assert.True(hazards.Count >= 18, $"the log has {hazards.Count} hazards");
        Assert.All(hazards, hazard =>
        {
            var name = hazard[..hazard.IndexOf('\n', StringComparison.Ordinal)];
            if (name.StartsWith("Clinical sign-off", StringComparison.Ordinal))
            {
                return;
            }

            foreach (var when in BeforeAndAfter)
            {
                var score = Score().Matches(hazard).FirstOrDefault(m => m.Groups[1].Value == when) ?? Match.Empty;
                Assert.True(score.Success, $"{name} has no proposed risk {when} its guard");
                var (severity, likelihood, risk) = (score.Groups[2].Value, score.Groups[3].Value, int.Parse(score.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture));
                Assert.Contains(severity, Severities);
                Assert.True(Matrix.ContainsKey(likelihood), $"{name}: '{likelihood}' is not a DCB0129 likelihood");
                Assert.True(Matrix[likelihood][Array.IndexOf(Severities, severity)] == risk, $"{name}: {severity} and {likelihood} give risk {Matrix[likelihood][Array.IndexOf(Severities, severity)]}, not {risk}");
            }
        });
        Assert.Contains("until the clinic's Clinical Safety Officer", Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Early meningitis or sepsis without a stiff neck")]
    [InlineData("blood thinner")]
    [InlineData("spinal cord")]
    [InlineData("unstable upper neck")]
    [InlineData("An exercise page contradicts the check")]
    [InlineData("A child's other warning signs are hidden")]
    public void The_hazard_log_has_each_hazard_the_third_clinical_read_named(string hazard)
    {
        Assert.Contains(Hazard().Split(Log).Skip(1), h => h[..h.IndexOf('\n', StringComparison.Ordinal)].Contains(hazard, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"(?m)^## ")]
    private static partial Regex Hazard();

    [GeneratedRegex(@"\*\*Risk (before|after) the guard \(proposed\):\*\* severity ([a-z]+), likelihood ([a-z ]+), risk ([1-5])\.")]
    private static partial Regex Score();

    [GeneratedRegex(@"`([A-Z][A-Za-z]+Tests\.[A-Za-z_0-9]+)`")]
    private static partial Regex TestName();
}
