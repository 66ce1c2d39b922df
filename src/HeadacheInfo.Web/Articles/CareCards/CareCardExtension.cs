using HeadacheInfo.Web.Clinic;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;

namespace HeadacheInfo.Web.Articles.CareCards;

/// <summary>Markdig's custom containers, rendered as care cards. Add it after <c>UseCustomContainers()</c>.</summary>
internal sealed class CareCardExtension(ClinicOptions clinic) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Parsing is CustomContainerExtension's; this extension only changes how containers render.
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.RemoveAll(r => r is HtmlCustomContainerRenderer);
            html.ObjectRenderers.Insert(0, new CareCardRenderer(clinic));
        }
    }
}
