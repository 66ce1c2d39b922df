using System.Text;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Articles.Pictures;
using HeadacheInfo.Web.Site;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Pictures;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>Pictures: uploaded with a draft, checked by the checker's own rules, written with the approval.</summary>
public sealed partial class ArticleWorkflow
{
    /// <summary>
    /// Uploads a picture with the author's text: checked as the content checker checks pictures, refused with the
    /// reason and nothing kept when it will not do, else its Markdown goes into the body and the whole form is
    /// saved as a draft, with the picture kept beside that revision. It reaches patients only with an approval.
    /// </summary>
    public async Task<WorkflowResult> UploadPictureAsync(ArticleEdit edit, PictureUpload upload, StaffUser author)
    {
        // A photo becomes its web sizes here, with nothing of the file kept but its pixels; a clash of names gets a number.
        var prepared = upload.Bytes.Length == 0 ? null : PictureIntake.Prepare(upload.Name, upload.Bytes);
        if (PictureProblems(upload, prepared) is var problems && (problems.Count > 0 || prepared is null))
        {
            return WorkflowResult.Invalid("The picture was not added. Nothing else changed: your text is still here.") with { Problems = problems };
        }

        var name = await PictureNames.FreeAsync(prepared.Name, async each =>
            images.Exists(each) || await database.RevisionPictures.AsNoTracking().AnyAsync(p => p.Name == each));
        upload = upload with { Name = name };
        var markdown = MarkdownFor(upload);
        if (PlacePicture(edit.Body ?? string.Empty, markdown, upload.After) is not { } body)
        {
            return WorkflowResult.Invalid("The picture was not added. Your text is still here.") with
            {
                Problems = [$"The words \"{upload.After}\" are not in the article, so there is nowhere to put the picture after them. Copy a few words from the paragraph it should follow, or leave that box empty to put it at the end."],
            };
        }

        var picture = WebPictureRows.For(prepared, name, edit.Slug, upload, author.Email!, time.GetUtcNow());
        try
        {
            var saved = await SaveAsync(edit with { Body = body }, author, send: false, picture);
            return saved.Revision is null ? saved
                : saved with { Message = $"Picture {upload.Name} added at the {(string.IsNullOrWhiteSpace(upload.After) ? "end of the article" : "place you chose")} and the draft saved. Patients do not see it until a reviewer approves the change.{(saved.Message == DraftSaved ? string.Empty : " " + saved.Message)}" };
        }
        catch (DbUpdateException)
        {
            return WorkflowResult.Conflict($"Someone uploaded a picture called {upload.Name} at the same moment. Give yours another name. Your text is still here.");
        }
    }

    /// <summary>A picture for a staff page: the published file if there is one, else one uploaded with a draft.</summary>
    public async Task<PictureFile?> PictureAsync(string name)
    {
        if (!PictureRules.IsValidName(name))
        {
            return null;
        }

        if (images.Read(name) is { } published && PictureRules.TypeOf(published) is { } type)
        {
            return new PictureFile(name, type, published, Published: true);
        }

        return await database.RevisionPictures.AsNoTracking().Where(p => p.Name == name)
            .Select(p => new PictureFile(p.Name, p.ContentType, p.Bytes, false)).FirstOrDefaultAsync();
    }

    /// <summary>Every reason the upload will not do, in the words the checker uses, with what to do.</summary>
    private static List<string> PictureProblems(PictureUpload upload, PictureIntake.Result? prepared)
    {
        var problems = new List<string>();
        if (!upload.Decorative && string.IsNullOrWhiteSpace(upload.Alt))
        {
            problems.Add("Describe the picture in 'Alt text' for people who cannot see it, or tick 'Decorative' if it adds nothing they need.");
        }

        OneLine("The alt text", upload.Alt, PictureUpload.MaxAlt);
        OneLine("The caption", upload.Caption, PictureUpload.MaxCaption);
        if (upload.Bytes.Length == 0)
        {
            problems.Add("The file is empty. Choose the picture again.");
        }
        else if (prepared?.Problem is { } bad)
        {
            problems.Add(Sentence(bad));
        }

        return problems;

        void OneLine(string field, string? value, int max)
        {
            if (ArticleDraft.OneLineProblem(field, value, max) is { } problem)
            {
                problems.Add(problem);
            }
        }

        static string Sentence(string finding) => char.ToUpperInvariant(finding[0]) + finding[1..] + ".";
    }

    /// <summary>The Markdown for a picture as the shipped articles write one: the picture, then its caption in italics.</summary>
    private static string MarkdownFor(PictureUpload upload)
    {
        var picture = upload.Decorative
            ? $"![]({SitePaths.Images}/{upload.Name} \"{HeadacheInfo.Web.Articles.ArticleImage.DecorativeTitle}\")"
            : $"![{Escape(upload.Alt!.Trim())}]({SitePaths.Images}/{upload.Name})";
        return string.IsNullOrWhiteSpace(upload.Caption) ? picture : $"{picture}\n\n*{Escape(upload.Caption.Trim())}*";

        // The author's words stay words: nothing in them can end the picture or start a link, a card or emphasis.
        static string Escape(string text)
        {
            var escaped = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c is '\\' or '[' or ']' or '(' or ')' or '*' or '_' or '`' or '<' or '>' or '!' or '|' or '{' or '}' or '#' or ':' or '~')
                {
                    escaped.Append('\\');
                }

                escaped.Append(c);
            }

            return escaped.ToString();
        }
    }

    /// <summary>The body with the picture after the paragraph holding <paramref name="after"/>, or at the end; null when that text is not there.</summary>
    private static string? PlacePicture(string body, string markdown, string? after)
    {
        var text = body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        if (string.IsNullOrWhiteSpace(after))
        {
            return text.Length == 0 ? markdown + "\n" : $"{text}\n\n{markdown}\n";
        }

        var at = text.IndexOf(after.Trim(), StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var end = text.IndexOf("\n\n", at, StringComparison.Ordinal);
        return end < 0 ? $"{text}\n\n{markdown}\n" : $"{text[..end]}\n\n{markdown}{text[end..]}\n";
    }

    /// <summary>
    /// The pictures a text shows that are not in the images folder but were uploaded with a draft, by name.
    /// Names never change hands, so a text's pictures are the same whichever revision holds it.
    /// </summary>
    private Dictionary<string, byte[]> DraftPictures(string text, RevisionPicture? uploading)
    {
        var names = NotOnSite(text);
        var found = names.Count == 0 ? new Dictionary<string, byte[]>(StringComparer.Ordinal)
            : database.RevisionPictures.AsNoTracking().Where(p => names.Contains(p.Name))
                .Select(p => new { p.Name, p.Bytes }).ToDictionary(p => p.Name, p => p.Bytes, StringComparer.Ordinal);
        foreach (var each in uploading is null ? [] : (RevisionPicture[])[uploading, .. uploading.Sizes])
        {
            if (names.Contains(each.Name))
            {
                found[each.Name] = each.Bytes;
            }
        }

        return found;
    }

    private List<string> NotOnSite(string text, bool withSizes = true) => publishedPictures.NotOnSite(text, withSizes);

    /// <summary>The pictures a text would put on the site for the first time, each with who uploaded it.</summary>
    public async Task<IReadOnlyList<PictureGoingLive>> PicturesGoingLiveAsync(string text)
    {
        var names = NotOnSite(text, withSizes: false);
        return names.Count == 0 ? []
            : await database.RevisionPictures.AsNoTracking().Where(p => names.Contains(p.Name)).OrderBy(p => p.Name)
                .Select(p => new PictureGoingLive(p.Name, p.UploadedBy)).ToListAsync();
    }

    private Task<IReadOnlyList<(string Name, byte[] Bytes)>> PicturesToWriteAsync(string text) => publishedPictures.ToWriteAsync(text);

    private static string WithPictures(IReadOnlyList<(string Name, byte[] Bytes)> pictures) => PublishedPictures.Described(pictures);

    private Func<long, (string Event, string Detail)>? Attach(RevisionPicture? picture, ArticleRevision revision)
    {
        if (picture is null)
        {
            return null;
        }

        foreach (var each in (RevisionPicture[])[picture, .. picture.Sizes])
        {
            each.Revision = revision;
            database.RevisionPictures.Add(each);
        }

        return id => (AuditEvents.PictureUploaded, $"uploaded the picture {picture.Name} ({picture.Bytes.Length / 1024} KB" +
            $"{(picture.Sizes.Count == 0 ? string.Empty : $"; with its smaller sizes {string.Join(", ", picture.Sizes.Select(p => p.Name))}")}) with {picture.Slug} (revision {id})");
    }

    /// <summary>The picture name in an address such as /images/neck.png, or null.</summary>
    internal static string? NameIn(string url) =>
        url.StartsWith(SitePaths.Images + "/", StringComparison.Ordinal) ? url[(SitePaths.Images.Length + 1)..] : null;
}
