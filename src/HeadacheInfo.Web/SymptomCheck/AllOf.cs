using System.Collections.Immutable;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>Every one of these signs together.</summary>
public sealed record AllOf(ImmutableArray<string> Ids) : RuleCondition
{
    public override ImmutableArray<Sign>? Match(IReadOnlySet<string> ticked) =>
        Ids.All(ticked.Contains) ? Signs(Ids) : null;

    public override string Describe() => $"you tick all of: {List(Ids)}";

    public override ImmutableArray<ConditionClause> Clauses() => [new("you tick all of:", Ids)];
}
