using System.Collections.Immutable;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// One of the fixed article categories. <see cref="All"/> is the single place that lists them, in the order
/// the site shows them.
/// </summary>
public sealed record ArticleCategory(string Key, string Name, string Description)
{
    public static readonly ArticleCategory Signs = new(
        "signs", "Signs and symptoms", "What a headache from the neck feels like, and how to tell it apart.");

    public static readonly ArticleCategory Causes = new(
        "causes", "Causes", "Why the neck can cause head pain, and what makes it worse.");

    public static readonly ArticleCategory Treatment = new(
        "treatment", "Physiotherapy and treatment", "How a physiotherapist can help, and what the evidence says.");

    public static readonly ArticleCategory SelfCare = new(
        "self-care", "Looking after yourself", "Things you can do at home, at work and when it flares up.");

    public static readonly ArticleCategory GettingHelp = new(
        "getting-help", "Getting help", "When to get urgent help, and who to see.");

    public static ImmutableArray<ArticleCategory> All { get; } = [Signs, Causes, Treatment, SelfCare, GettingHelp];

    /// <summary>Position in <see cref="All"/>; the site lists categories in this order.</summary>
    public int Position => All.IndexOf(this);

    public static ArticleCategory? FromKey(string key) =>
        All.FirstOrDefault(category => string.Equals(category.Key, key, StringComparison.Ordinal));
}
