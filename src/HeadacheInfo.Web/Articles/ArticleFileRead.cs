namespace HeadacheInfo.Web.Articles;

/// <summary>What the store found for a slug: the file's text, or why the site would not read it.</summary>
public sealed record ArticleFileRead(string? Text, string? Problem)
{
    public bool Exists => Text is not null || Problem is not null;
}
