namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>One rule: when it applies, what we advise, why in plain words, and where the rule comes from.</summary>
public sealed record TriageRule(string Id, TriageOutcome Outcome, RuleCondition When, string Explanation, string Source);
