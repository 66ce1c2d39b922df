namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Whether a clinician signed off a file's very text: a reviewer is named and the file still matches the
/// sign-off hash (<see cref="ArticleFile.SignOffHash(string)"/>) the sign-off wrote beside them, so an edit made
/// afterwards (on disk, or a copy under another name) shows as not yet checked instead of borrowing the sign-off.
/// </summary>
public static class SignOff
{
    /// <summary>The rule: a reviewer is named and the text is still the one whose hash the sign-off wrote.</summary>
    public static bool Holds(ArticleFrontMatter meta, string slug, ArticleFile file) =>
        meta.Reviewer is not null && meta.ReviewFingerprint is { } hash && hash == file.SignOffHash(slug);

    /// <summary>Whether a file's text is signed off, from its front matter alone: nothing is rendered.</summary>
    public static bool Holds(string slug, string text) =>
        ArticleFile.Read(text) is { } file && FrontMatterReader.Read(file.FrontMatter, slug, 1, 1).FrontMatter is { } meta && Holds(meta, slug, file);
}
