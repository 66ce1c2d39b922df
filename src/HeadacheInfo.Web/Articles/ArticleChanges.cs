using System.Collections.Immutable;
using System.Globalization;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// The public change log, kept in the article's own front matter (<c>changes:</c>, newest first), so it
/// travels with the file, is covered by the sign-off hash, and patients' pages never need the database.
/// Only an approval adds a line, from the author's "What changed, for readers" note.
/// </summary>
public static class ArticleChanges
{
    /// <summary>How long a reader note may be: one short line.</summary>
    public const int MaxNote = 200;

    /// <summary>How many lines the log keeps; older ones drop off the page and the file.</summary>
    public const int MaxEntries = 50;

    /// <summary>Why a reader note cannot be used, or null when it can (empty is fine: a minor fix needs none).</summary>
    public static string? Problem(string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return null;
        }

        // YAML breaks lines at NEL and the Unicode line and paragraph separators too.
        if (note.IndexOfAny(['\r', '\n', '\u0085', '\u2028', '\u2029']) >= 0)
        {
            return "\"What changed, for readers\" must be on one line.";
        }

        if (PlainLine.FirstHidden(note) is { } hidden)
        {
            return PlainLine.Problem("\"What changed, for readers\"", hidden);
        }

        return note.Trim().Length > MaxNote
            ? $"\"What changed, for readers\" must be {MaxNote} characters or fewer (it is {note.Trim().Length})."
            : null;
    }

    /// <summary>
    /// The file with <paramref name="note"/> added at the top of its change log for <paramref name="date"/>, or
    /// the file unchanged when there is no note. Every value is written by the YAML emitter, so no note can
    /// end the field or the front matter. Null when the front matter cannot be edited.
    /// </summary>
    public static string? Add(string text, DateOnly date, string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return text;
        }

        if (Problem(note) is not null || ArticleFile.Read(text) is not { } file)
        {
            return null;
        }

        var existing = FrontMatterReader.Read(file.FrontMatter, ArticleFields.Changes, 1, 1).FrontMatter?.Changes ?? [];
        ImmutableArray<ArticleChange> log = [new ArticleChange(date, note.Trim()), .. existing.Take(MaxEntries - 1)];
        return FrontMatterEditor.Set(text, [(ArticleFields.Changes, Yaml(log))]);
    }

    /// <summary>The log as a YAML block list, one <c>{date, note}</c> mapping per line.</summary>
    public static string Yaml(IEnumerable<ArticleChange> log) =>
        string.Concat(log.Select(c =>
            $"\n  - date: {c.Date.ToString(FrontMatterReader.DateFormat, CultureInfo.InvariantCulture)}\n    note: {FrontMatterEditor.Quote(c.Note)}"));

    /// <summary>The log as the page shows it: newest first.</summary>
    public static IEnumerable<ArticleChange> NewestFirst(ImmutableArray<ArticleChange> log) =>
        log.Select((change, i) => (change, i)).OrderByDescending(c => c.change.Date).ThenBy(c => c.i).Select(c => c.change);
}
