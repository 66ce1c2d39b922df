using System.Collections.Immutable;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>At least <see cref="Count"/> of <see cref="Ids"/>, including at least one of <see cref="KeyIds"/>.</summary>
public sealed record AtLeast(int Count, ImmutableArray<string> Ids, ImmutableArray<string> KeyIds) : RuleCondition
{
    public override ImmutableArray<Sign>? Match(IReadOnlySet<string> ticked)
    {
        var matched = Ids.Where(ticked.Contains).ToList();
        return matched.Count >= Count && KeyIds.Any(ticked.Contains) ? Signs(matched) : null;
    }

    public override string Describe() =>
        $"you tick {Count} or more of: {List(Ids)}; and at least one of them is {string.Join(" or ", KeyIds.Select(id => $"\"{SignCatalog.Find(id)!.Label}\""))}";

    public override ImmutableArray<ConditionClause> Clauses() =>
        [new($"you tick {Count} or more of:", Ids), new("and at least one of them is one of:", KeyIds)];
}
