using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>The articles worth reading after a result, in order, leaving out any the site does not have.</summary>
public static class RelatedArticles
{
    public const string UrgentHelp = "when-to-get-urgent-help";

    public static IReadOnlyList<Article> For(TriageResult result, ContentSnapshot content)
    {
        var ticked = result.Ticked.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var slugs = new List<string>();
        if (result.Outcome == TriageOutcome.Physio || result.PhysioMayHelpAfterGp)
        {
            slugs.AddRange(["is-my-headache-coming-from-my-neck", "physiotherapy-assessment", "gentle-exercises-at-home"]);
        }

        if (result.Outcome == TriageOutcome.Gp)
        {
            slugs.Add("gp-and-physiotherapist");
            if (ticked.Overlaps(SignCatalog.IdsIn(SignGroup.OtherPattern)))
            {
                slugs.Add("neck-headache-or-migraine");
            }
        }

        if (ticked.Contains("painkillers-often"))
        {
            slugs.Add("looking-after-yourself");
        }

        slugs.Add(UrgentHelp);
        return [.. slugs.Distinct(StringComparer.Ordinal).Select(content.Find).OfType<Article>()];
    }
}
