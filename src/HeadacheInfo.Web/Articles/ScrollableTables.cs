using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Puts each table in a region that scrolls sideways on a narrow screen and that a keyboard can reach
/// (tab to it, then the arrow keys), so a wide table never hides columns from people who cannot use a mouse.
/// </summary>
public static class ScrollableTables
{
    public const string Label = "Table";

    /// <summary>Add after the table extensions; adds itself once.</summary>
    public static MarkdownPipelineBuilder UseScrollableTables(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<Extension>();
        return pipeline;
    }

    private sealed class Extension : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
            // Parsing is the table extensions'; this one only changes how tables render.
        }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer html)
            {
                html.ObjectRenderers.RemoveAll(r => r is HtmlTableRenderer);
                html.ObjectRenderers.Add(new Renderer());
            }
        }
    }

    private sealed class Renderer : HtmlTableRenderer
    {
        protected override void Write(HtmlRenderer renderer, Table table)
        {
            renderer.EnsureLine();
            renderer.WriteLine($"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{Label}\">");
            base.Write(renderer, table);
            renderer.EnsureLine();
            renderer.WriteLine("</div>");
        }
    }
}
