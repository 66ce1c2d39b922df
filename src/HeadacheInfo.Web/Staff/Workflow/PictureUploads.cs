using System.Text;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Hosting;
using HeadacheInfo.Web.Site;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Pictures;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using HeadacheInfo.Web.Staff.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>Pictures uploaded with a draft: checked by the checker's own rules, saved with the draft, written with the approval.</summary>
public sealed class PictureUploads(
    DraftEditing drafts,
    ContentImages images,
    StaffDbContext database,
    TimeProvider time)
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
            var saved = await drafts.SaveAsync(edit with { Body = body }, author, send: false, picture);
            return saved.Revision is null ? saved
                : saved with { Message = $"Picture {upload.Name} added at the {(string.IsNullOrWhiteSpace(upload.After) ? "end of the article" : "place you chose")} and the draft saved. Patients do not see it until a reviewer approves the change.{(saved.Message == DraftEditing.DraftSaved ? string.Empty : " " + saved.Message)}" };
        }
        catch (DbUpdateException)
        {
            return WorkflowResult.Conflict($"Someone uploaded a picture called {upload.Name} at the same moment. Give yours another name. Your text is still here.");
        }
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

    /// <summary>The picture name in an address such as /images/neck.png, or null.</summary>
    internal static string? NameIn(string url) =>
        url.StartsWith(SitePaths.Images + "/", StringComparison.Ordinal) ? url[(SitePaths.Images.Length + 1)..] : null;
}
