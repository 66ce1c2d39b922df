using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Search;

/// <summary>One search result: the article, its score, and a short HTML snippet with the matches marked.</summary>
public sealed record SearchHit(Article Article, int Score, string SnippetHtml);
