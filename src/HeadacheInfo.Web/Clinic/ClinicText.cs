using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace HeadacheInfo.Web.Clinic;

/// <summary>
/// Placeholders for the clinic's numbers and names, such as <c>{{emergency-number}}</c>, so no article or
/// rule ever writes "999" where a clinic has set another emergency number. This is the one list of them.
/// </summary>
public static partial class ClinicText
{
    public static readonly FrozenDictionary<string, Func<ClinicOptions, string>> Placeholders =
        new Dictionary<string, Func<ClinicOptions, string>>(StringComparer.Ordinal)
        {
            ["emergency-number"] = clinic => clinic.EmergencyNumber,
            ["urgent-advice-name"] = clinic => clinic.UrgentAdviceName,
            ["urgent-advice-number"] = clinic => clinic.UrgentAdviceNumber,
            ["urgent-advice-url"] = clinic => clinic.UrgentAdviceUrl,
            ["clinic-name"] = clinic => clinic.Name,
            ["physio-register-name"] = clinic => clinic.PhysioRegisterName,
            ["physio-register-url"] = clinic => clinic.PhysioRegisterUrl,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The value of a placeholder's name (without braces), or null when there is no such placeholder.</summary>
    public static string? Value(string name, ClinicOptions clinic) =>
        Placeholders.TryGetValue(name, out var value) ? value(clinic) : null;

    /// <summary>Replaces every known <c>{{name}}</c> in <paramref name="text"/>; unknown ones are left as written.</summary>
    public static string Fill(string text, ClinicOptions clinic) =>
        text.Contains("{{", StringComparison.Ordinal)
            ? Placeholder().Replace(text, match => Value(match.Groups[1].Value, clinic) ?? match.Value)
            : text;

    [GeneratedRegex(@"\{\{([a-z-]+)\}\}")]
    public static partial Regex Placeholder();
}
