using Markdig;
using Markdig.Extensions.Yaml;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Where an article's front matter starts and ends, found by Markdig's own YAML front matter rules: the same
/// reader the site uses, so the editor, the checker, the preview and an approval can never disagree about
/// where the front matter stops and the body begins.
/// </summary>
public static class FrontMatterBlock
{
    private static readonly MarkdownPipeline YamlOnly = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    /// <summary>The lines (0-based, split at LF) of the opening and closing fences, or null when there is no front matter.</summary>
    public static (int Open, int Close)? Find(string text)
    {
        // Markdig recurses on nesting; the guard keeps a hostile text from reaching it (see MarkdownNesting).
        if (MarkdownNesting.TooDeep(text) is not null || System.Text.Encoding.UTF8.GetByteCount(text) > ArticleFiles.MaxFileBytes)
        {
            return null;
        }

        var document = Markdown.Parse(text, YamlOnly);
        if (document.FirstOrDefault() is not YamlFrontMatterBlock block)
        {
            return null;
        }

        return (block.Line, block.Line + block.Lines.Count + 1);
    }
}
