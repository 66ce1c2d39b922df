using System.Collections.Immutable;

namespace HeadacheInfo.Web.Site;

/// <summary>The site's addresses, for links written in code and for checking links written in articles.</summary>
public static class SitePaths
{
    public const string Home = "/";
    public const string Articles = "/articles";
    public const string ArticlePrefix = "/articles/";
    public const string SymptomCheck = "/symptom-check";
    public const string Images = "/images";
    public const string Search = "/search";
    public const string HeadacheDiary = "/headache-diary";

    public static string Article(string slug) => ArticlePrefix + slug;

    /// <summary>Pages other than articles that an article may link to.</summary>
    public const string HowItWorks = "/symptom-check/how-it-works";

    public static ImmutableArray<string> Pages { get; } = [Home, Articles, SymptomCheck, HowItWorks, Search, HeadacheDiary];
}
