using System.Collections.Immutable;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>Applies <see cref="TriageRules"/> to a set of ticked signs. Pure: it keeps and logs nothing.</summary>
public static class SymptomTriage
{
    /// <param name="tickedIds">Known sign ids (see <see cref="SignCatalog"/>).</param>
    public static TriageResult Assess(IReadOnlyCollection<string> tickedIds)
    {
        var ticked = tickedIds.ToHashSet(StringComparer.Ordinal);
        var tickedSigns = SignCatalog.All.Where(s => ticked.Contains(s.Id)).ToImmutableArray();
        foreach (var rule in TriageRules.All)
        {
            if (rule.When.Match(ticked) is { } deciding)
            {
                return new TriageResult(rule.Outcome, rule, deciding, tickedSigns);
            }
        }

        throw new InvalidOperationException("The last triage rule must apply to every answer.");
    }
}
