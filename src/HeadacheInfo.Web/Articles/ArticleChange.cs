namespace HeadacheInfo.Web.Articles;

/// <summary>One line of an article's public change log: the day a change was approved and what it changed, for readers.</summary>
public sealed record ArticleChange(DateOnly Date, string Note);
