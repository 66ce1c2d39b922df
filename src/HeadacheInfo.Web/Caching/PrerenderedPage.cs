using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Caching;

/// <summary>One content page, rendered once: its headers and its bytes, plain, Brotli and gzip.</summary>
public sealed record PrerenderedPage(
    KeyValuePair<string, string>[] Headers, byte[] Identity, byte[] Brotli, byte[] Gzip, Article? Article, string RelatedKey);
