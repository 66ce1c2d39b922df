namespace HeadacheInfo.Web.Articles;

/// <summary>Why a content file could not be used. <paramref name="File"/> is relative to the content folder.</summary>
public sealed record ContentProblem(string File, int? Line, string Reason)
{
    /// <summary>Where the problem is, as staff would look for it: "articles/neck.md, line 4".</summary>
    public string Location => Line is { } line ? $"{File}, line {line}" : File;

    public override string ToString() => $"{Location}: {Reason}";
}
