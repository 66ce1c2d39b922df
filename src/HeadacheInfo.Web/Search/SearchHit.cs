using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Search;

/// <summary>One search result: the article, its score, and a short HTML snippet with the matches marked.</summary>
public sealed record SearchHit(Article Article, int Score, string SnippetHtml);

/// <summary>One page of search results: its hits, how many matched in all, which page this is and how many there are.</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Page, int Pages);
