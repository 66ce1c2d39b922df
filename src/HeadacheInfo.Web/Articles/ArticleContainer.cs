namespace HeadacheInfo.Web.Articles;

/// <summary>A <c>::: kind</c> block, such as a care card.</summary>
public sealed record ArticleContainer(string Kind, int Line);
