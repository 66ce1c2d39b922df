using System.Collections.Immutable;
using HeadacheInfo.Web.SymptomCheck;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// <c>{{emergency-signs}}</c> on a line of its own: the symptom check's whole list of emergency signs, in the
/// check's own words and order, taken from <see cref="SignCatalog"/>. Every page that tells people when to call
/// the emergency number then names all of them, and a sign added to the check appears on every such page.
/// </summary>
public static class EmergencySignsList
{
    /// <summary>The placeholder's name, without braces.</summary>
    public const string Name = "emergency-signs";

    public const string Placeholder = "{{" + Name + "}}";

    /// <summary>The check's emergency questions, as the form asks them.</summary>
    public static ImmutableArray<Sign> Signs { get; } = [.. SignCatalog.All.Where(sign => sign.Group == SignGroup.Emergency)];

    /// <summary>The labels the list shows, word for word.</summary>
    public static ImmutableArray<string> Labels { get; } = [.. Signs.Select(sign => sign.Label)];

    /// <summary>Adds itself once.</summary>
    public static MarkdownPipelineBuilder UseEmergencySignsList(this MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.Extensions.Contains<Extension>())
        {
            pipeline.Extensions.Add(new Extension());
        }

        return pipeline;
    }

    private sealed class Extension : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
            if (!pipeline.BlockParsers.Contains<Parser>())
            {
                // Before the paragraph parser, which would otherwise take the line as text.
                pipeline.BlockParsers.Insert(0, new Parser());
            }
        }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<Renderer>())
            {
                html.ObjectRenderers.Add(new Renderer());
            }
        }
    }

    private sealed class Parser : BlockParser
    {
        public Parser() => OpeningCharacters = ['{'];

        public override BlockState TryOpen(BlockProcessor processor)
        {
            if (processor.IsCodeIndent)
            {
                return BlockState.None;
            }

            var line = processor.Line;
            var text = line.ToString().Trim();
            if (!string.Equals(text, Placeholder, StringComparison.Ordinal))
            {
                return BlockState.None;
            }

            processor.NewBlocks.Push(new EmergencySignsBlock(this)
            {
                Line = processor.LineIndex,
                Column = processor.Column,
                Span = new SourceSpan(line.Start, line.End),
            });
            return BlockState.BreakDiscard;
        }
    }

    private sealed class Renderer : HtmlObjectRenderer<EmergencySignsBlock>
    {
        protected override void Write(HtmlRenderer renderer, EmergencySignsBlock block)
        {
            renderer.EnsureLine();
            renderer.Write("<ul data-emergency-signs>").WriteLine();
            foreach (var sign in Signs)
            {
                // A sign that names several symptoms shows them as a short list, as the form does.
                renderer.Write($"<li data-sign=\"{sign.Id}\">").Write(SignLabelHtml.For(sign)).Write("</li>").WriteLine();
            }

            renderer.Write("</ul>").WriteLine();
        }
    }
}

/// <summary>Where an article wrote <c>{{emergency-signs}}</c> on a line of its own.</summary>
public sealed class EmergencySignsBlock(BlockParser parser) : LeafBlock(parser);
