namespace HeadacheInfo.Web.Articles;

/// <summary>A link written in the body, such as <c>[the signs](/articles/signs#one-side)</c>.</summary>
public sealed record ArticleLink(string Url, int Line);
