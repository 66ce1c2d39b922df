namespace HeadacheInfo.Web.Articles;

/// <summary>A heading in an article body, with the id its anchor link uses.</summary>
public sealed record ArticleHeading(int Level, string Id, string Text);
