namespace HeadacheInfo.Tests.Infrastructure;

/// <summary>Article files as staff would write them.</summary>
public static class ArticleText
{
    public const string DefaultBody = "## What it is\n\nA headache that starts in the neck.\n";

    public static string Valid(string title, string category = "signs", string? body = null, bool draft = false) =>
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
        draft: {(draft ? "true" : "false")}
        ---

        {body ?? DefaultBody}
        """;
}
