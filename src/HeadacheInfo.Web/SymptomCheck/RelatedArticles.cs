using System.Collections.Immutable;
using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>The articles worth reading after a result, in order, leaving out any the site does not have.</summary>
public static class RelatedArticles
{
    public const string UrgentHelp = "when-to-get-urgent-help";
    private const string FromTheNeck = "is-my-headache-coming-from-my-neck";
    private const string Assessment = "physiotherapy-assessment";
    private const string Exercises = "gentle-exercises-at-home";
    private const string GpAndPhysio = "gp-and-physiotherapist";
    private const string OtherHeadaches = "neck-headache-or-migraine";
    private const string LookingAfterYourself = "looking-after-yourself";

    /// <summary>Every article the results may point to: each must be a file in the shipped content (a test holds it).</summary>
    public static ImmutableArray<string> Slugs { get; } =
        [UrgentHelp, FromTheNeck, Assessment, Exercises, GpAndPhysio, OtherHeadaches, LookingAfterYourself];

    public static IReadOnlyList<Article> For(TriageResult result, ContentSnapshot content)
    {
        var ticked = result.Ticked.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var slugs = new List<string>();
        if (result.Outcome == TriageOutcome.Physio || result.PhysioMayHelpAfterGp)
        {
            slugs.AddRange([FromTheNeck, Assessment, Exercises]);
        }

        if (result.Outcome == TriageOutcome.Gp)
        {
            slugs.Add(GpAndPhysio);
            if (ticked.Overlaps(SignCatalog.IdsIn(SignGroup.OtherPattern)))
            {
                slugs.Add(OtherHeadaches);
            }
        }

        if (ticked.Contains("painkillers-often"))
        {
            slugs.Add(LookingAfterYourself);
        }

        slugs.Add(UrgentHelp);
        return [.. slugs.Distinct(StringComparer.Ordinal).Select(content.Find).OfType<Article>()];
    }
}
