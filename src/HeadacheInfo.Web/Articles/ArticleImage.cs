namespace HeadacheInfo.Web.Articles;

/// <summary>An image written in the body, with its alternative text.</summary>
/// <param name="Decorative">
/// Written <c>![](/images/name.png "decorative")</c>: adds nothing a reader needs, so its alternative text is
/// empty on purpose and screen readers pass over it.
/// </param>
public sealed record ArticleImage(string Url, string AltText, int Line, bool Decorative = false)
{
    public const string DecorativeTitle = "decorative";
}
