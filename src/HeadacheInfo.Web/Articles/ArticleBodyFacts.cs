using System.Collections.Immutable;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// What the content checker and search need to know about an article's body, gathered once when the
/// article is parsed. Lines are lines of the file (1-based).
/// </summary>
public sealed record ArticleBodyFacts(
    ImmutableArray<string> ProseParagraphs,
    ImmutableArray<ArticleLink> Links,
    ImmutableArray<ArticleImage> Images,
    ImmutableArray<ArticleContainer> Containers,
    ImmutableArray<ArticlePassage> Passages);

/// <summary>A link written in the body, such as <c>[the signs](/articles/signs#one-side)</c>.</summary>
public sealed record ArticleLink(string Url, int Line);

/// <summary>An image written in the body, with its alternative text.</summary>
/// <param name="Decorative">
/// Written <c>![](/images/name.png "decorative")</c>: adds nothing a reader needs, so its alternative text is
/// empty on purpose and screen readers pass over it.
/// </param>
public sealed record ArticleImage(string Url, string AltText, int Line, bool Decorative = false)
{
    public const string DecorativeTitle = "decorative";
}

/// <summary>A <c>::: kind</c> block, such as a care card.</summary>
public sealed record ArticleContainer(string Kind, int Line);

/// <summary>
/// One paragraph or heading as a reader sees it (white space folded), and the <c>::: kind</c> block it sits
/// in most closely, if any: what the checker needs to hold every sign to the tier the symptom check gives it.
/// </summary>
/// <param name="LastLine">The last line of the file the passage is written on.</param>
public sealed record ArticlePassage(string Text, int Line, string? Container, int LastLine);
