using System.Collections.Immutable;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>
/// When a triage rule applies. <see cref="Match"/> gives the ticked signs that made it apply (the reasons
/// shown to the person), or null when it does not apply. <see cref="Describe"/> says it in plain English.
/// </summary>
public abstract record RuleCondition
{
    public abstract ImmutableArray<Sign>? Match(IReadOnlySet<string> ticked);

    public abstract string Describe();

    protected static ImmutableArray<Sign> Signs(IEnumerable<string> ids) => [.. ids.Select(id => SignCatalog.Find(id)!)];

    protected static string List(IEnumerable<string> ids) =>
        string.Join("; ", ids.Select(id => $"\"{SignCatalog.Find(id)!.Label}\""));
}

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
}

/// <summary>Every one of these signs together.</summary>
public sealed record AllOf(ImmutableArray<string> Ids) : RuleCondition
{
    public override ImmutableArray<Sign>? Match(IReadOnlySet<string> ticked) =>
        Ids.All(ticked.Contains) ? Signs(Ids) : null;

    public override string Describe() => $"you tick all of: {List(Ids)}";
}

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
}

/// <summary>Applies whatever is ticked: the last rule, so every answer gets advice.</summary>
public sealed record Otherwise : RuleCondition
{
    public override ImmutableArray<Sign>? Match(IReadOnlySet<string> ticked) => [];

    public override string Describe() => "none of the rules above apply, including when nothing is ticked";
}
