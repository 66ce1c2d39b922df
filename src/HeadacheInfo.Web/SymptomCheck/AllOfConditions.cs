using System.Collections.Immutable;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>Every one of these conditions together; the reasons are all the signs any of them matched.</summary>
public sealed record AllOfConditions(ImmutableArray<RuleCondition> Parts) : RuleCondition
{
    public override ImmutableArray<Sign>? Match(IReadOnlySet<string> ticked)
    {
        var matched = new List<Sign>();
        foreach (var part in Parts)
        {
            if (part.Match(ticked) is not { } signs)
            {
                return null;
            }

            matched.AddRange(signs);
        }

        return [.. SignCatalog.All.Where(matched.Contains)];
    }

    public override string Describe() => string.Join("; and ", Parts.Select(p => p.Describe()));

    public override ImmutableArray<ConditionClause> Clauses() =>
        [.. Parts.SelectMany((part, i) => part.Clauses().Select((c, j) => i > 0 && j == 0 ? c with { Lead = "and " + c.Lead } : c))];
}
