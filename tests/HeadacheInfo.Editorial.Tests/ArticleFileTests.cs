using HeadacheInfo.Editorial;
using Markdig;
using Markdig.Extensions.Yaml;

namespace HeadacheInfo.Editorial.Tests;

public sealed class ArticleFileTests
{
    private static readonly MarkdownPipeline YamlOnly = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    [Fact]
    public void The_front_matter_is_the_text_between_the_first_line_and_the_next_fence_and_the_body_is_the_rest()
    {
        var file = ArticleFile.Read("---\r\ntitle: Neck\r\nsummary: A summary.\r\n---\r\n\r\n## What it is\r\n")!;

        Assert.Equal("title: Neck\nsummary: A summary.", file.FrontMatter);
        Assert.Equal("\n## What it is\n", file.Body);
        Assert.Equal(3, file.CloseLine);
        Assert.Equal(2, ArticleFile.FrontMatterFirstLine);
        Assert.Equal("\r\n", file.Newline);
    }

    [Fact]
    public void A_composed_file_reads_back_as_its_fields_and_its_body()
    {
        var file = ArticleFile.Read(ArticleFile.Compose([(ArticleFields.Title, "\"Neck\""), (ArticleFields.Draft, "false")], "## Body"))!;

        Assert.Equal("title: \"Neck\"\ndraft: false", file.FrontMatter);
        Assert.Equal("\n## Body\n", file.Body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("title: Neck\n---\n")]
    [InlineData("---\ntitle: Neck\n")]
    [InlineData("----\ntitle: Neck\n----\n")]
    [InlineData(" ---\ntitle: Neck\n---\n")]
    public void A_text_without_a_closed_front_matter_block_at_the_top_has_none(string text) =>
        Assert.Null(ArticleFile.Read(text));

    [Fact]
    public void A_body_nested_far_past_what_Markdown_can_read_is_split_all_the_same()
    {
        var body = string.Concat(Enumerable.Repeat("*a ", 20000));
        var file = ArticleFile.Read("---\ntitle: Deep\n---\n" + body)!;

        Assert.Equal(body, file.Body);
        Assert.Equal("\n\n\n" + body, file.BodyInPlace);
    }

    [Fact]
    public void The_sign_off_hash_ignores_the_review_fields_and_nothing_else()
    {
        var text = "---\ntitle: Neck\nreviewer: Dr A\nlast_reviewed: 2026-01-01\n---\nBody\n";
        var file = ArticleFile.Read(text)!;

        Assert.Equal(file.SignOffHash("neck"), ArticleFile.SignOffHash("neck", text.Replace("Dr A", "Dr B", StringComparison.Ordinal)));
        Assert.NotEqual(file.SignOffHash("neck"), ArticleFile.SignOffHash("neck", text.Replace("Body", "Bodies", StringComparison.Ordinal)));
        Assert.NotEqual(file.SignOffHash("neck"), file.SignOffHash("other-address"));
    }

    [Fact]
    public void The_content_hash_ignores_only_the_kind_of_line_break_and_no_text_has_an_empty_one()
    {
        Assert.Equal(ArticleFile.ContentHash("a\nb"), ArticleFile.ContentHash("a\r\nb"));
        Assert.NotEqual(ArticleFile.ContentHash("a\nb"), ArticleFile.ContentHash("a\nc"));
        Assert.Equal(string.Empty, ArticleFile.ContentHash(null));
    }

    /// <summary>
    /// The forms articles are written in: for these the split is where Markdig would put it, so the site reads a
    /// file as any Markdown tool does. (The site renders only the body, so for any other text the split here is
    /// the one that counts.)
    /// </summary>
    [Theory]
    [InlineData("---\ntitle: x\n---\nBody")]
    [InlineData("---\r\ntitle: x\r\n---\r\nBody")]
    [InlineData("--- \ntitle: x\n...\nBody")]
    [InlineData("---\ntitle: x\n---  \n\n---\nBody")]
    [InlineData("---\ntitle: x\nsummary: y\n---")]
    public void Its_fences_are_where_Markdig_finds_them_in_every_ordinary_file(string text)
    {
        var file = ArticleFile.Read(text)!;
        var block = Assert.IsType<YamlFrontMatterBlock>(Markdown.Parse(text, YamlOnly).First());

        Assert.Equal(block.Line + block.Lines.Count + 1, file.CloseLine);
        Assert.Equal(block.Lines.ToString(), file.FrontMatter);
    }
}
