namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>
/// One box a person can tick. <see cref="Id"/> is the form value and never changes; <see cref="Label"/> is
/// the question; <see cref="Reason"/> is how the result explains it ("You told us ..."); <see cref="Hint"/>
/// helps answer it; <see cref="ResultNote"/> is extra advice on the result when the sign decided it.
/// </summary>
public sealed record Sign(string Id, SignGroup Group, string Label, string Reason, string? Hint = null, string? ResultNote = null);
