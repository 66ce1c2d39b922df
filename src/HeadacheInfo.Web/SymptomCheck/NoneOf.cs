using System.Collections.Immutable;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>None of these signs: used with <see cref="AllOfConditions"/> to keep a rule from a pattern that another rule sends elsewhere.</summary>
public sealed record NoneOf(ImmutableArray<string> Ids) : RuleCondition
{
    public override ImmutableArray<Sign>? Match(IReadOnlySet<string> ticked) => Ids.Any(ticked.Contains) ? null : [];

    public override string Describe() => $"you tick none of: {List(Ids)}";

    public override ImmutableArray<ConditionClause> Clauses() => [new("you tick none of:", Ids)];
}
