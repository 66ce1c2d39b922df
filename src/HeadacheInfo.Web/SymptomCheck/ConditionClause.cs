using System.Collections.Immutable;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>Part of a rule's condition in words: a lead-in such as "you tick any one of:" and the signs it names.</summary>
public sealed record ConditionClause(string Lead, ImmutableArray<string> Ids);
