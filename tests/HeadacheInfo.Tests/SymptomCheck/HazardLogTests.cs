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

    [GeneratedRegex(@"`([A-Z][A-Za-z]+Tests\.[A-Za-z_0-9]+)`")]
    private static partial Regex TestName();
}
