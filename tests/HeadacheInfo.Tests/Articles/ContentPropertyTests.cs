using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Tests.Articles;

/// <summary>
/// Generated Markdown-like text, up to about 1 MB, in the body and in the front matter: the loader and the
/// checker return for every input, the file is either served or left out with a reason, and a good article
/// beside it stays served.
/// </summary>
public sealed class ContentPropertyTests
{
    private static readonly string[] Pieces =
    [
        "*", "**", "_", "__", "~~", "[", "]", "(", ")", "{", "}", "> ", ">", "- ", "-", "* ", "+ ", "1. ", "`", "```",
        "~~~", "|", "| a |", "|---|", ":::", "::: info", "::: emergency", "::: urgent", "<", "</", "<div>", "&amp;", "&#",
        "&#x1F600;", "&nbsp;", "[^1]", "[^1]: ", "[^", "![", "](", "\r", "\r\n", "\n", "\n\n", " ", "    ", "\t", "word ",
        "neck ", "# ", "## ", "---", "===", "\\", "http://", "javascript:", "{a: ", "[a, ", "- - ", "'", "\"", "#", "&", "*a ",
    ];

    /// <summary>One piece repeated: mostly short runs, sometimes runs of hundreds of thousands of characters.</summary>
    private static Gen<string> Run() =>
        from piece in Gen.Elements(Pieces)
        from count in Gen.Frequency((6, Gen.Choose(1, 40)), (3, Gen.Choose(40, 5_000)), (1, Gen.Choose(5_000, 200_000)))
        select new StringBuilder(piece.Length * count).Insert(0, piece, count).ToString();

    private static Gen<string> Text() =>
        from runs in Gen.ListOf(Run()).Where(list => list.Count > 0)
        select string.Concat(runs.Take(12));

    private static Arbitrary<(string Text, bool InFrontMatter)> Files() =>
        (from text in Text()
         from inFrontMatter in Gen.Elements(true, false)
         select (text, inFrontMatter)).ToArbitrary();

    private static string Article((string Text, bool InFrontMatter) input) =>
        input.InFrontMatter
            ? $"---\ntitle: Generated\nsummary: s\ncategory: signs\nlast_reviewed: 2026-01-01\nnext_review: 2027-01-01\norder: {input.Text}\n---\n\nBody.\n"
            : $"---\ntitle: Generated\nsummary: s\ncategory: signs\nlast_reviewed: 2026-01-01\nnext_review: 2027-01-01\n---\n\n{input.Text}\n";

    [Property(MaxTest = 100)]
    public Property Loader_and_checker_return_for_any_input_and_good_articles_stay_served() =>
        Prop.ForAll(Files(), input =>
        {
            using var content = new TemporaryContentFolder();
            content.WriteArticle("good", "Good");
            content.Write("generated.md", Article(input));
            var loader = new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), TimeProvider.System);

            // On another thread with a bound, so a hang fails the property instead of the whole run.
            var work = Task.Run(() => (
                Snapshot: loader.Load(content.Root, includeDrafts: false, version: 1),
                Report: new ContentChecker(loader, TimeProvider.System, new ClinicOptions()).Check(content.Root)));
            if (!work.Wait(TimeSpan.FromSeconds(60)))
            {
                return false.Label("the loader or the checker did not return");
            }

            var (snapshot, report) = work.Result;
            var served = snapshot.Find("generated") is not null;
            var leftOut = snapshot.Problems.Any(p => p.File == "articles/generated.md" && p.Reason.Length > 0);
            return (snapshot.Find("good") is not null).Label("the good article is served")
                .And((served ^ leftOut).Label("the generated file is either served or left out with a reason"))
                .And(report.Files.Any(f => f.File == "articles/generated.md").Label("the checker reports the generated file"));
        });
}
