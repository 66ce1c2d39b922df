using HeadacheInfo.Web.Site;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HeadacheInfo.Web.Articles.Pictures;

/// <summary>
/// A photo written <c>![alt](/images/knee.jpg)</c> is shown with every web size there is (<c>srcset</c>), the
/// width it takes in the column (<c>sizes</c>), and its width and height, so a phone loads the small size and
/// nothing on the page moves when it arrives. Pictures near the top load at once; the rest when scrolled to.
/// Drawings, addresses elsewhere and pictures not in the images folder render as Markdig writes them.
/// </summary>
public static class ResponsivePictures
{
    /// <summary>The article column: the window less its margins on a phone, at most the text measure (40rem).</summary>
    public const string Sizes = "(max-width: 42rem) calc(100vw - 2rem), 40rem";

    /// <summary>A picture in one of the first blocks of the body may be the largest thing on the first screen.</summary>
    public const int EagerBlocks = 3;

    public static MarkdownPipelineBuilder UseResponsivePictures(this MarkdownPipelineBuilder pipeline, Func<string, WebPicture?> find)
    {
        if (!pipeline.Extensions.Contains<Extension>())
        {
            pipeline.Extensions.Add(new Extension(find));
        }

        return pipeline;
    }

    private sealed class Extension(Func<string, WebPicture?> find) : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
            // Parsing is Markdig's; this changes only how a picture is written.
        }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer html && html.ObjectRenderers.FindExact<LinkInlineRenderer>() is { } links)
            {
                html.ObjectRenderers.Replace<LinkInlineRenderer>(new Renderer(find) { Rel = links.Rel });
            }
        }
    }

    private sealed class Renderer(Func<string, WebPicture?> find) : LinkInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, LinkInline link)
        {
            var prefix = SitePaths.Images + "/";
            if (!link.IsImage || !renderer.EnableHtmlForInline || link.Url is not { } url || !url.StartsWith(prefix, StringComparison.Ordinal) ||
                find(url[prefix.Length..]) is not { } picture)
            {
                base.Write(renderer, link);
                return;
            }

            renderer.Write("<img src=\"").WriteEscapeUrl(url).Write('"');
            renderer.WriteAttributes(link);
            renderer.Write(" alt=\"");
            renderer.EnableHtmlForInline = false;
            renderer.WriteChildren(link);
            renderer.EnableHtmlForInline = true;
            renderer.Write('"');
            if (!string.IsNullOrEmpty(link.Title))
            {
                renderer.Write(" title=\"").WriteEscape(link.Title).Write('"');
            }

            if (picture.Sizes.Count > 1)
            {
                renderer.Write(" srcset=\"");
                for (var i = 0; i < picture.Sizes.Count; i++)
                {
                    renderer.Write(i == 0 ? string.Empty : ", ").WriteEscapeUrl(prefix + picture.Sizes[i].Name)
                        .Write(" ").Write(picture.Sizes[i].Width.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write("w");
                }

                renderer.Write("\" sizes=\"").Write(Sizes).Write('"');
            }

            renderer.Write(string.Create(System.Globalization.CultureInfo.InvariantCulture, $" width=\"{picture.Width}\" height=\"{picture.Height}\""));
            renderer.Write(NearTheTop(link) ? " decoding=\"async\"" : " loading=\"lazy\" decoding=\"async\"");
            renderer.Write(" />");
        }

        private static bool NearTheTop(LinkInline link)
        {
            Inline top = link;
            while (top.Parent is { } outer)
            {
                top = outer;
            }

            Block? block = (top as ContainerInline)?.ParentBlock;
            while (block?.Parent is { } parent and not MarkdownDocument)
            {
                block = parent;
            }

            return block?.Parent is MarkdownDocument document && document.IndexOf(block) < EagerBlocks;
        }
    }
}
