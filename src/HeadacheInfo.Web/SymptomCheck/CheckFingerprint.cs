using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using HeadacheInfo.Web.Clinic;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>
/// What a clinician signs off when they sign off the symptom check: a SHA-256 of every question (with its group,
/// hint, reason and result note), every rule (its condition, explanation and source) and every outcome's heading,
/// as the clinic's settings fill them in. It is read from the data itself, property by property, not from a list
/// of fields: a field added to a sign or a rule tomorrow is covered without anyone remembering to add it here.
/// The result pages' own sentences (the <c>_Result.*.cshtml</c> partials, embedded in the build) are part of it
/// too: a change to what a result page says un-signs the check as a change to a rule's text does.
/// </summary>
public static class CheckFingerprint
{
    /// <summary>How deep a value is read: the data is records within records, a few levels at most.</summary>
    private const int MaxDepth = 8;

    /// <summary>The fingerprint of the check as this build of the site asks and answers it.</summary>
    public static string Current(ClinicOptions clinic) => Of(SignCatalog.All, TriageRules.All, TriageOutcome.All, clinic, ResultPages.Value);

    private const string ResultPagePrefix = "HeadacheInfo.Web.SymptomCheck.ResultPages.";

    /// <summary>The result pages as this build words them, by file name.</summary>
    internal static readonly Lazy<IReadOnlyDictionary<string, string>> ResultPages = new(() =>
    {
        var assembly = typeof(CheckFingerprint).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResultPagePrefix, StringComparison.Ordinal))
            .ToDictionary(name => name[ResultPagePrefix.Length..], name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!, Encoding.UTF8);
                return reader.ReadToEnd().ReplaceLineEndings("\n");
            }, StringComparer.Ordinal);
    });

    /// <summary>The fingerprint of any questions, rules, outcomes and result pages: what <see cref="Current"/> is made of.</summary>
    public static string Of(IEnumerable<Sign> signs, IEnumerable<TriageRule> rules, IEnumerable<TriageOutcome> outcomes, ClinicOptions clinic,
        IReadOnlyDictionary<string, string> resultPages)
    {
        var text = new StringBuilder();
        Write(text, "signs", signs, clinic, 0);
        Write(text, "rules", rules, clinic, 0);
        Write(text, "outcomes", outcomes, clinic, 0);
        foreach (var (name, words) in resultPages.OrderBy(page => page.Key, StringComparer.Ordinal))
        {
            Write(text, name, words, clinic, 0);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }

    private static void Write(StringBuilder text, string name, object? value, ClinicOptions clinic, int depth)
    {
        text.Append(name).Append('=');
        switch (value)
        {
            case null:
                text.Append("(none)");
                break;
            case string s:
                // Length first, so no two different lists of texts can ever run together into the same bytes.
                text.Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(s);
                break;
            case Func<ClinicOptions, string> filled:
                Write(text, "filled", filled(clinic), clinic, depth + 1);
                break;
            case Delegate:
                // Code, not text: what it decides shows in the texts and conditions around it.
                text.Append("(code)");
                break;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case bool or char:
                text.Append(value);
                break;
            case IEnumerable items when depth < MaxDepth:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(text, "item", item, clinic, depth + 1);
                }

                text.Append(']');
                break;
            case RuleCondition condition when depth < MaxDepth:
                // The condition as the how-it-works page says it, beside the data it is made of.
                WriteProperties(text, condition, clinic, depth);
                Write(text, "describe", condition.Describe(), clinic, depth + 1);
                break;
            default:
                if (depth < MaxDepth)
                {
                    WriteProperties(text, value, clinic, depth);
                }

                break;
        }

        text.Append(';');
    }

    private static void WriteProperties(StringBuilder text, object value, ClinicOptions clinic, int depth)
    {
        var type = value.GetType();
        text.Append(type.Name).Append('{');
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0)
                     .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            Write(text, property.Name, property.GetValue(value), clinic, depth + 1);
        }

        text.Append('}');
    }
}
