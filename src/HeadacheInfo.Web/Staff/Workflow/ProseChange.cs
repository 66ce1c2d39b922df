using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// A change between two texts of an article as the review page shows it: the details that changed, the prose with
/// words added and taken out marked (<see cref="ProseDiff"/>), and the Markdown line by line for whoever wants it.
/// </summary>
/// <param name="Added">What an underlined word is, for the legend: "added", "only in your version"...</param>
/// <param name="Removed">What a struck-through word is: "taken out", "only in the other version"...</param>
public sealed record ProseChange(
    IReadOnlyList<FieldChange> Fields, IReadOnlyList<IReadOnlyList<DiffWords>> Prose, IReadOnlyList<DiffLine> Lines,
    string Added = "added", string Removed = "taken out")
{
    /// <summary>
    /// From <paramref name="before"/> (null for none) to <paramref name="after"/>, each rendered by <paramref name="render"/>
    /// (the site's own pipeline), its category named from <paramref name="categories"/>. The sign-off's fingerprint line is left out of the Markdown shown: it is a hash,
    /// meaningless to a writer, and the sign-off's own fields already say whether it holds.
    /// </summary>
    public static ProseChange Between(
        string? before, string after, Func<string, Article?> render, ArticleCategories categories, string added = "added", string removed = "taken out") =>
        new(ProseDiff.Fields(before, after, categories),
            ProseDiff.Paragraphs(before is null ? null : render(before), render(after)),
            MarkdownLines(before, after),
            added, removed);

    /// <summary>The Markdown from <paramref name="before"/> (null for none) to <paramref name="after"/>, line by line, as staff are shown it.</summary>
    public static IReadOnlyList<DiffLine> MarkdownLines(string? before, string after) =>
        TextDiff.Lines(WithoutFingerprint(before ?? string.Empty), WithoutFingerprint(after));

    /// <summary>
    /// An article's Markdown as staff are shown it: without the sign-off's fingerprint line, a hash meaningless
    /// to a writer (the sign-off's own fields already say whether it holds).
    /// </summary>
    public static string WithoutFingerprint(string text) =>
        ArticleFile.Read(text) is not { } file ? text
        : string.Join('\n', file.Lines.Where((line, i) => i > file.CloseLine || !line.StartsWith(ArticleFields.ReviewFingerprint + ":", StringComparison.Ordinal)));
}
