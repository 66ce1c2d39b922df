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

    /// <summary>
    /// The same as <see cref="Describe"/>, as lead-ins each followed by the signs it names, for a page that
    /// shows the signs as a list rather than one long quoted line.
    /// </summary>
    public abstract ImmutableArray<ConditionClause> Clauses();

    protected static ImmutableArray<Sign> Signs(IEnumerable<string> ids) => [.. ids.Select(id => SignCatalog.Find(id)!)];

    protected static string List(IEnumerable<string> ids) =>
        string.Join("; ", ids.Select(id => $"\"{SignCatalog.Find(id)!.Label}\""));
}
