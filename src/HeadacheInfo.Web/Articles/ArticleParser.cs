using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Reads one article's text into an <see cref="Article"/>, or the reasons it cannot be used. The one way in
/// for the site, the checker and the staff editor alike, so a text the editor accepts is a text the site
/// serves, and no text can tie up the CPU or fail in a way only one of them notices.
/// </summary>
public sealed partial class ArticleParser(MarkdownPipeline pipeline)
{
    /// <summary>More than any article needs; many thousands of headings make heading ids quadratic work.</summary>
    public const int MaxHeadings = 250;

    /// <summary>
    /// More links and web addresses than any article needs. Markdig finds autolinks in one paragraph in time
    /// that grows with the square of their number, so many thousands of "www." would hold a core for minutes.
    /// </summary>
    public const int MaxLinks = 500;

    /// <param name="cancellation">
    /// The request's own token: when the request is aborted the render stops between its stages with
    /// <see cref="OperationCanceledException"/>. The bound on the work itself is the limits above, checked before
    /// Markdig runs, not a clock: a wall-clock deadline would drop a published article whenever the server is busy.
    /// </param>
    public ArticleParseResult Parse(string file, string slug, string text, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return ParseBounded(file, slug, text, cancellation);
    }

    private ArticleParseResult ParseBounded(string file, string slug, string text, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ArticleParseResult.Failed(new(file, null, "the file is empty"));
        }

        // The limits come before Markdig runs: they are what keeps a hostile text cheap to refuse.
        if (System.Text.Encoding.UTF8.GetByteCount(text) > ArticleFiles.MaxFileBytes)
        {
            return ArticleParseResult.Failed(new(file, null, "the article is larger than 1 MB; an article should be far smaller"));
        }

        if (MarkdownNesting.TooDeep(text) is { } tooDeep)
        {
            return ArticleParseResult.Failed(new(file, tooDeep.Line, tooDeep.Reason));
        }

        if (MarkdownHeadings.CountCandidates(text) > MaxHeadings)
        {
            return ArticleParseResult.Failed(new(file, null, $"the article has more than {MaxHeadings} headings; an article needs far fewer"));
        }

        if (LinkStart().Count(text) > MaxLinks)
        {
            return ArticleParseResult.Failed(new(file, null,
                $"the article has more than {MaxLinks} links and web addresses (www., http://, https://, mailto:, tel: or [text](address)); an article needs far fewer"));
        }

        try
        {
            return ParseChecked(file, slug, text, cancellation);
        }
        catch (Exception ex) when (ex is ArgumentException { Message: var m } && m.Contains("too deeply nested", StringComparison.Ordinal)
            || ex is InsufficientExecutionStackException)
        {
            return ArticleParseResult.Failed(new(file, null,
                "the Markdown is nested too deeply to read (quotes, lists, emphasis, care cards or footnotes inside each other); simplify it"));
        }
#pragma warning disable CA1031 // Whatever a text does to the Markdown library is that text's problem for the checker, never a failed page.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return ArticleParseResult.Failed(new(file, null, $"the Markdown could not be read ({ex.GetType().Name}); simplify the part you changed last"));
        }
    }

    /// <summary>Where a link or an address Markdig would make into a link can start: counted over, never under.</summary>
    [GeneratedRegex(@"www\.|https?://|ftp://|mailto:|tel:|\]\(|\]\[|<[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex LinkStart();

    private ArticleParseResult ParseChecked(string file, string slug, string text, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        if (ArticleFile.Read(text) is not { } articleFile)
        {
            return ArticleParseResult.Failed(new(file, 1,
                "the file must start with front matter: a line '---', the fields, then another line '---'"));
        }

        var frontMatter = FrontMatterReader.Read(
            articleFile.FrontMatter, file, firstLine: ArticleFile.FrontMatterFirstLine, headerLine: ArticleFile.OpenLine + 1);
        if (frontMatter.FrontMatter is null)
        {
            return new ArticleParseResult(null, frontMatter.Problems);
        }

        // Markdig sees the body only, on the lines it has in the file: what is front matter is ArticleFile's word alone.
        var document = Markdown.Parse(articleFile.BodyInPlace, pipeline);
        cancellation.ThrowIfCancellationRequested();

        var meta = frontMatter.FrontMatter;
        var signedOff = SignOff.Holds(meta, slug, articleFile);

        // Facts are gathered first, so the content checker still sees the unsafe address it must report.
        var facts = FactsOf(document);
        SafeLinks.Neutralise(document);
        cancellation.ThrowIfCancellationRequested();
        var html = document.ToHtml(pipeline);
        cancellation.ThrowIfCancellationRequested();
        var article = new Article(
            slug, file, meta with { ClinicallySignedOff = signedOff }, html, HeadingsOf(document), facts);
        return new ArticleParseResult(article, []);
    }

    private static ImmutableArray<ArticleHeading> HeadingsOf(MarkdownDocument document) =>
    [
        .. document.Descendants<HeadingBlock>()
            .Select(heading => new ArticleHeading(heading.Level, heading.GetAttributes().Id ?? string.Empty, PlainText(heading.Inline))),
    ];

    private static ArticleBodyFacts FactsOf(MarkdownDocument document)
    {
        var links = ImmutableArray.CreateBuilder<ArticleLink>();
        var images = ImmutableArray.CreateBuilder<ArticleImage>();
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            links.Add(new ArticleLink(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, autolink.Line + 1));
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            var url = link.Url ?? string.Empty;
            if (link.IsImage)
            {
                var alt = PlainText(link);
                var decorative = alt.Trim().Length == 0 && link.Title == ArticleImage.DecorativeTitle;
                if (decorative)
                {
                    // The marker is for the checker; a reader hovering over the picture must not see it.
                    link.Title = null;
                }

                images.Add(new ArticleImage(url, alt, link.Line + 1, decorative));
            }
            else
            {
                links.Add(new ArticleLink(url, link.Line + 1));
            }
        }

        var containers = document.Descendants<CustomContainer>()
            .Select(container => new ArticleContainer(container.Info?.Trim() ?? string.Empty, container.Line + 1));

        // Prose is running text only: tables, code and footnote references would skew reading measures. The
        // emergency signs list is read as the signs it shows, as the reader reads it.
        var prose = document.Descendants<LeafBlock>()
            .Where(block => block is ParagraphBlock or EmergencySignsBlock && !HasAncestor<Table>(block) && !HasAncestor<FootnoteGroup>(block))
            .SelectMany(block => block is EmergencySignsBlock ? EmergencySignsList.Labels.AsEnumerable() : [PlainText(block.Inline)])
            .Where(text => text.Length > 0);

        var passages = document.Descendants<LeafBlock>()
            .Where(block => block is ParagraphBlock or HeadingBlock or EmergencySignsBlock)
            .SelectMany(block => block is EmergencySignsBlock
                ? EmergencySignsList.Labels.Select(label => new ArticlePassage(label, block.Line + 1, InnermostContainer(block), block.Line + 1))
                : [new ArticlePassage(FoldSpaces(PlainText(block.Inline, placeholdersAsWritten: true)), block.Line + 1, InnermostContainer(block),
                    block.Line + Math.Max(1, block.Lines.Count))])
            .Where(passage => passage.Text.Length > 0);

        return new ArticleBodyFacts([.. prose], links.ToImmutable(), images.ToImmutable(), [.. containers], [.. passages]);
    }

    private static string? InnermostContainer(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is CustomContainer container)
            {
                return container.Info?.Trim() ?? string.Empty;
            }
        }

        return null;
    }

    private static string FoldSpaces(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool HasAncestor<T>(Block block) where T : Block
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is T)
            {
                return true;
            }
        }

        return false;
    }

    /// <param name="placeholdersAsWritten">
    /// Keep a clinic placeholder as its name (<c>{{emergency-number}}</c>) rather than its value, so a check of
    /// what staff wrote never mistakes the placeholder's own number for a number typed out.
    /// </param>
    private static string PlainText(ContainerInline? inline, bool placeholdersAsWritten = false)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var item in inline.Descendants())
        {
            switch (item)
            {
                case LiteralInline literal:
                    text.Append(literal.Content);
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case ClinicValueInline clinicValue:
                    text.Append(placeholdersAsWritten ? "{{" + clinicValue.Name + "}}" : clinicValue.Value);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }

        return text.ToString().Trim();
    }
}
