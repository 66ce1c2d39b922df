using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Articles.CareCards;
using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Web.ContentCheck;

/// <summary>
/// Holds every article to the symptom check: a sign named in the check's own words sits only in a care card of
/// the tier the check gives it, so no page tells a person a lower tier than the check would (or a higher one
/// for a sign the check sends to a GP). Part of the checker, so preview, send, approve and check-content all
/// refuse a staff edit that breaks it, not only the shipped files' tests.
/// </summary>
public static partial class SignTiers
{
    private const string DoubleVision = "double vision";

    /// <summary>The care card a sign belongs in: the outcome the check gives the sign ticked on its own.</summary>
    public static CareCardKind CardFor(Sign sign) => SymptomTriage.Assess([sign.Id]).Outcome.Card;

    /// <summary>Each sign's label as <see cref="Folded"/> finds it.</summary>
    private static readonly IReadOnlyList<(Sign Sign, string Label)> Labels = [.. SignCatalog.All.Select(s => (s, Folded(s.Label)))];

    /// <summary>
    /// Lowercase words separated by single spaces: a sign written into a sentence ("if you have a sudden, very
    /// bad headache ...") is still the sign, whatever the case, punctuation or spacing around it.
    /// </summary>
    public static string Folded(string text) =>
        " " + string.Join(' ', NotWord().Split(text.ToLowerInvariant()).Where(w => w.Length > 0)) + " ";

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial System.Text.RegularExpressions.Regex NotWord();

    public static IEnumerable<CheckFinding> Check(Article article)
    {
        foreach (var passage in article.Body.Passages)
        {
            var folded = Folded(passage.Text);
            foreach (var sign in Labels.Where(l => folded.Contains(l.Label, StringComparison.Ordinal)).Select(l => l.Sign))
            {
                var expected = CardFor(sign);
                var wrong = expected == CareCardKind.Info
                    ? passage.Container is "emergency" or "urgent"
                    : passage.Container != expected.Key;
                if (wrong)
                {
                    yield return new(FindingSeverity.Error, passage.Line,
                        $"the sign '{sign.Id}' (\"{sign.Label}\") is {Tier(expected)} in the symptom check, but here it is {Where(passage.Container)}; " +
                        (expected == CareCardKind.Info
                            ? "take it out of that card, or ask a clinician whether the check is wrong"
                            : $"put it in a '::: {expected.Key}' card"));
                }
            }

            if (passage.Container != CareCardKind.Emergency.Key && folded.Contains(Folded(DoubleVision), StringComparison.Ordinal))
            {
                yield return new(FindingSeverity.Error, passage.Line,
                    $"double vision with a headache is an emergency in the symptom check, but here it is {Where(passage.Container)}; mention it only in a '::: emergency' card");
            }
        }

        // The page an emergency result points to must list every emergency and urgent sign, each in a card of its tier.
        if (RelatedArticles.Suits(article, ResultSituation.Emergency))
        {
            foreach (var sign in SignCatalog.All.Where(s => CardFor(s) != CareCardKind.Info))
            {
                var expected = CardFor(sign);
                if (!article.Body.Passages.Any(p => p.Container == expected.Key && Folded(p.Text).Contains(Folded(sign.Label), StringComparison.Ordinal)))
                {
                    yield return new(FindingSeverity.Error, null,
                        $"this page must list every sign that needs help soon: the sign '{sign.Id}' is missing from its '::: {expected.Key}' card; write it in the check's words: \"{sign.Label}\"");
                }
            }
        }
    }

    private static string Tier(CareCardKind card) => card.Key switch
    {
        "emergency" => "an emergency (call the emergency number)",
        "urgent" => "urgent (get advice today)",
        _ => "for a GP or physiotherapist (not urgent)",
    };

    private static string Where(string? container) => container is null ? "outside any care card" : $"in a '::: {container}' card";
}
