using HeadacheInfo.Web.Articles;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HeadacheInfo.Web.Staff.Guides;

/// <summary>
/// The guides staff read in the staff area: the staff guide (<c>docs/staff-guide.md</c>) and the writing guide
/// (<c>content/README.md</c>), built into the site as resources, so the guide staff read is the one for the running
/// version. A link from one guide to the other stays in the staff area; a link to a document the site does not
/// serve (the operations guide, for the server's keeper) is shown as its words.
/// </summary>
public static class StaffGuides
{
    public const string WritingName = "writing";

    private static readonly Lazy<string> StaffGuide = new(() => Render("staff-guide.md"));
    private static readonly Lazy<string> WritingGuide = new(() => Render("writing-guide.md"));

    /// <summary>The guide's HTML, headings one level down under the page's own; null for a name there is no guide for.</summary>
    public static string? Html(string? name) => name switch
    {
        null or "" => StaffGuide.Value,
        WritingName => WritingGuide.Value,
        _ => null,
    };

    private static string Render(string resource)
    {
        using var stream = typeof(StaffGuides).Assembly.GetManifestResourceStream("HeadacheInfo.Web.Guides." + resource)
            ?? throw new InvalidOperationException($"The guide {resource} is not built into the site.");
        using var reader = new StreamReader(stream);
        var pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoIdentifiers().UseScrollableTables().DisableHtml().Build();
        var document = Markdown.Parse(reader.ReadToEnd(), pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + 1, 6);
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.Url is not { } url || url.StartsWith('/') || url.StartsWith('#') || url.Contains(':', StringComparison.Ordinal))
            {
                continue; // a page of the site, a heading in this guide, or another site
            }

            var (file, anchor) = url.IndexOf('#') is var hash and >= 0 ? (url[..hash], url[hash..]) : (url, "");
            var inStaffArea = Path.GetFileName(file) switch
            {
                "staff-guide.md" => StaffPaths.Guide,
                "README.md" when file.Contains("content", StringComparison.Ordinal) => StaffPaths.Guide + "/" + WritingName,
                _ => null,
            };
            if (inStaffArea is not null)
            {
                link.Url = inStaffArea + anchor;
            }
            else if (!link.IsImage)
            {
                link.ReplaceBy(new LiteralInline(string.Concat(link.Descendants<LiteralInline>().Select(words => words.Content.ToString()))));
            }
        }

        return document.ToHtml(pipeline);
    }
}
