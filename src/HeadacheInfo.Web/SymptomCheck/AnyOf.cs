using System.Collections.Immutable;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>Any one of these signs is enough.</summary>
public sealed record AnyOf(ImmutableArray<string> Ids) : RuleCondition
{
    public override ImmutableArray<Sign>? Match(IReadOnlySet<string> ticked)
    {
        var matched = Ids.Where(ticked.Contains).ToList();
        return matched.Count > 0 ? Signs(matched) : null;
    }

    public override string Describe() =>
        Ids.Length == 1 ? $"you tick {List(Ids)}" : $"you tick any one of: {List(Ids)}";

    public override ImmutableArray<ConditionClause> Clauses() => [new(Ids.Length == 1 ? "you tick" : "you tick any one of:", Ids)];
}
