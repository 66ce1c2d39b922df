using System.Text.Json;
using System.Text.Json.Serialization;
using HeadacheInfo.Web.Site;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// schema.org MedicalWebPage JSON-LD for an article, so search engines read it as reviewed medical
/// information about cervicogenic headache for patients.
/// </summary>
public static class ArticleStructuredData
{
    // The default encoder escapes <, > and &, so nothing in the JSON can close the script element.
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

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
            ["lastReviewed"] = meta.LastReviewed.Iso(),
            ["reviewedBy"] = meta.Reviewer is null ? null : new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = meta.Reviewer },
            ["author"] = meta.Author is null ? null : new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = meta.Author },
            ["about"] = new Dictionary<string, string> { ["@type"] = "MedicalCondition", ["name"] = "Cervicogenic headache" },
            ["audience"] = new Dictionary<string, string> { ["@type"] = "MedicalAudience", ["audienceType"] = "Patient" },
            ["citation"] = meta.References.IsEmpty ? null : meta.References.ToArray(),
        };
        return JsonSerializer.Serialize(page, Json);
    }
}
