using System.Collections.Immutable;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>Applies whatever is ticked: the last rule, so every answer gets advice.</summary>
public sealed record Otherwise : RuleCondition
{
    public override ImmutableArray<Sign>? Match(IReadOnlySet<string> ticked) => [];

    public override string Describe() => "none of the rules above apply, including when nothing is ticked";

    public override ImmutableArray<ConditionClause> Clauses() => [new(Describe(), [])];
}
