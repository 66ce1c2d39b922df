using HeadacheInfo.Web.Articles.CareCards;
using HeadacheInfo.Web.Articles.Pictures;
using HeadacheInfo.Web.Clinic;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// The Markdown dialect articles' bodies are written in. Built once at start and injected. It never sees front
/// matter: <see cref="ArticleFile"/> splits it off first.
/// </summary>
public static class ArticleMarkdown
{
    /// <param name="pictures">The sizes of a picture in the images folder by name; without it pictures are written plainly.</param>
    public static MarkdownPipeline CreatePipeline(ClinicOptions clinic, Func<string, WebPicture?>? pictures = null) =>
        new MarkdownPipelineBuilder()
            // GitHub-style ids are predictable from the heading text, so staff can write #anchor links by hand.
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UsePipeTables()
            .UseGridTables()
            .UseScrollableTables()
            .UseFootnotes()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .UseListExtras()
            .UseCustomContainers()
            .Use(new CareCardExtension(clinic))
            .UseClinicPlaceholders(clinic)
            .UseEmergencySignsList()
            .UseResponsivePictures(pictures ?? (_ => null))
            // Articles are Markdown only: raw HTML is shown as text, so no file can put script on a page.
            .DisableHtml()
            .Build();
}
