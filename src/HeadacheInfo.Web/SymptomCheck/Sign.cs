using System.Collections.Immutable;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>
/// One box a person can tick. <see cref="Id"/> is the form value and never changes; <see cref="Label"/> is
/// the question; <see cref="Reason"/> is how the result explains it ("You told us ..."); <see cref="Hint"/>
/// helps answer it; <see cref="ResultNote"/> is extra advice on every result with the sign ticked, whatever
/// decided the result (it may name the clinic's numbers with placeholders, see <see cref="Clinic.ClinicText"/>).
/// </summary>
public sealed record Sign(string Id, SignGroup Group, string Label, string Reason, string? Hint = null, string? ResultNote = null)
{
    /// <summary>For a question that names several symptoms: the form shows them as a short list inside the label.</summary>
    public SignList? List { get; init; }

    /// <summary>A sign that is not about the headache's pattern: who the person is, or a warning sign.</summary>
    public bool IsWarning => Group == SignGroup.AboutYou || Group == SignGroup.Emergency || Group == SignGroup.Urgent;
}

/// <summary>
/// A question's opening words and the symptoms it names. <see cref="Sentence"/> says the same in one line: it
/// is the sign's <see cref="Sign.Label"/>, so articles and the "get help sooner" lists keep the words they had.
/// </summary>
public sealed record SignList(string Lead, ImmutableArray<string> Items)
{
    public string Sentence => $"{Lead} {string.Join(", ", Items[..^1])}, or {Items[^1]}";
}
