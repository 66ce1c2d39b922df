using System.Collections.Immutable;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// One article category. <see cref="Key"/> is what an article's <c>category:</c> holds and never changes, so a
/// renamed category keeps every article's address; <see cref="Name"/> and <see cref="Description"/> are what
/// readers see. The site's own list is <see cref="ArticleCategories"/>, which admins change on the site settings page.
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

    /// <summary>The categories a site starts with, in this order, until an admin changes them.</summary>
    public static ImmutableArray<ArticleCategory> Shipped { get; } = [Signs, Causes, Treatment, SelfCare, GettingHelp];

    /// <summary>
    /// The category an article's text names, before it is checked against the site's list (see
    /// <see cref="ArticleCategories.Bind"/>): parsing a text must not depend on what the list holds at that moment.
    /// </summary>
    public static ArticleCategory Named(string key) => new(key, key, string.Empty);
}
