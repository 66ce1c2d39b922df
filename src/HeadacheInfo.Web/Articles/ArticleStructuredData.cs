using System.Text.Json;
using HeadacheInfo.Web.Site;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// schema.org MedicalWebPage JSON-LD for an article, so search engines read it as reviewed medical
/// information about cervicogenic headache for patients; reviewed only once a clinician here has signed it off.
/// </summary>
public static class ArticleStructuredData
{

    public static string For(Article article, string? url)
    {
        var meta = article.FrontMatter;
        var page = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "MedicalWebPage",
            ["name"] = article.Title,
            ["headline"] = article.Title,
            ["description"] = article.Summary,
            ["url"] = url,
            ["inLanguage"] = "en-GB",
            // A review is claimed only when a clinician at this clinic signed the article off.
            ["lastReviewed"] = meta.ClinicallySignedOff ? meta.LastReviewed.Iso() : null,
            ["reviewedBy"] = meta.ClinicallySignedOff ? new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = meta.Reviewer! } : null,
            ["author"] = meta.Author is null ? null : new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = meta.Author },
            ["about"] = new Dictionary<string, string> { ["@type"] = "MedicalCondition", ["name"] = "Cervicogenic headache" },
            ["audience"] = new Dictionary<string, string> { ["@type"] = "MedicalAudience", ["audienceType"] = "Patient" },
            ["citation"] = meta.References.IsEmpty ? null : meta.References.ToArray(),
        };
        // A dictionary writes null entries whatever the options say; a claim that does not apply is left out whole.
        // The default encoder escapes <, > and &, so nothing in the JSON can close the script element.
        return JsonSerializer.Serialize(page.Where(entry => entry.Value is not null).ToDictionary());
    }
}
