namespace HeadacheInfo.Tests.Infrastructure;

/// <summary>Article files as staff would write them.</summary>
public static class ArticleText
{
    /// <summary>The text as a clinician signed it off in the staff area: with the sign-off hash of exactly this text, for this slug.</summary>
    public static string SignedOff(string slug, string text)
    {
        var hash = HeadacheInfo.Editorial.ArticleFile.SignOffHash(slug, text)!;
        var close = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        return text[..close] + $"\n{HeadacheInfo.Editorial.ArticleFields.ReviewFingerprint}: {hash}" + text[close..];
    }

    public const string DefaultBody = "## What it is\n\nA headache that starts in the neck.\n";

    /// <param name="suits">The <c>suits:</c> value as written, such as "[gp, physio]"; none when null.</param>
    public static string Valid(string title, string category = "signs", string? body = null, bool draft = false, string? suits = null) =>
        $"""
        ---
        title: {title}
        summary: A short summary of {title}.
        category: {category}
        last_reviewed: 2026-01-15
        next_review: 2027-01-15
        author: Clinic physiotherapy team
        reviewer: Clinic medical lead
        references:
          - "NHS. Headaches. nhs.uk"
        draft: {(draft ? "true" : "false")}{(suits is null ? "" : "\nsuits: " + suits)}
        ---

        {body ?? DefaultBody}
        """;
}
