using HeadacheInfo.Web.Clinic;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// <c>{{emergency-number}}</c> and the other <see cref="ClinicText"/> placeholders in an article's text,
/// shown as the clinic's configured value, so an article never gives a wrong emergency number. An unknown
/// name is left as written (the content checker reports it).
/// </summary>
public static class ClinicPlaceholders
{
    /// <summary>Adds itself once.</summary>
    public static MarkdownPipelineBuilder UseClinicPlaceholders(this MarkdownPipelineBuilder pipeline, ClinicOptions clinic)
    {
        if (!pipeline.Extensions.Contains<Extension>())
        {
            pipeline.Extensions.Add(new Extension(clinic));
        }

        return pipeline;
    }

    private sealed class Extension(ClinicOptions clinic) : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.InlineParsers.AddIfNotAlready(new Parser(clinic));

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<Renderer>())
            {
                html.ObjectRenderers.Add(new Renderer());
            }
        }
    }

    private sealed class Parser : InlineParser
    {
        private readonly ClinicOptions _clinic;

        public Parser(ClinicOptions clinic)
        {
            _clinic = clinic;
            OpeningCharacters = ['{'];
        }

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            if (slice.PeekChar() != '{')
            {
                return false;
            }

            var text = slice.Text;
            var nameStart = slice.Start + 2;
            var end = nameStart;
            while (end <= slice.End && (char.IsAsciiLetterLower(text[end]) || text[end] == '-'))
            {
                end++;
            }

            if (end + 1 > slice.End || text[end] != '}' || text[end + 1] != '}' ||
                ClinicText.Value(text[nameStart..end], _clinic) is not { } value)
            {
                return false;
            }

            var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
            processor.Inline = new ClinicValueInline(text[nameStart..end], value)
            {
                Span = new(start, start + (end + 1 - slice.Start)),
                Line = line,
                Column = column,
            };
            slice.Start = end + 2;
            return true;
        }
    }

    private sealed class Renderer : HtmlObjectRenderer<ClinicValueInline>
    {
        protected override void Write(HtmlRenderer renderer, ClinicValueInline inline)
        {
            // A web address (a register, the urgent advice site) is one a reader wants to open, unless it already sits in a link.
            if (Uri.TryCreate(inline.Value, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && !InLink(inline))
            {
                renderer.Write("<a href=\"").WriteEscapeUrl(inline.Value).Write("\">").WriteEscape(inline.Value).Write("</a>");
                return;
            }

            renderer.WriteEscape(inline.Value);
        }

        private static bool InLink(Inline inline)
        {
            for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is LinkInline)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
