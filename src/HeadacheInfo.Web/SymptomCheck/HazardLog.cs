using HeadacheInfo.Web.Articles;
using Markdig;
using Markdig.Syntax;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>
/// The hazard log (<c>SymptomCheck/HAZARDS.md</c>), built into the site as a resource, for a reviewer to read
/// beside the check they sign off: the log of the version that is running, not a copy on some disk.
/// </summary>
public static class HazardLog
{
    private const string ResourceName = "HeadacheInfo.Web.SymptomCheck.HAZARDS.md";

    private static readonly Lazy<string> Rendered = new(Render);

    /// <summary>The log as HTML, its headings one level down, to sit under a page's own heading. Raw HTML in it is not passed through.</summary>
    public static string Html => Rendered.Value;

    private static string Render()
    {
        using var stream = typeof(HazardLog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The hazard log {ResourceName} is not built into the site.");
        using var reader = new StreamReader(stream);
        var pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseScrollableTables().DisableHtml().Build();
        var document = Markdown.Parse(reader.ReadToEnd(), pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + 1, 6);
        }

        return document.ToHtml(pipeline);
    }
}
