using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.Hosting;
using HeadacheInfo.Web.Site;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using HeadacheInfo.Web.Staff.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>What an upgrade did with one shipped article.</summary>
public enum ReleaseOffer
{
    /// <summary>The same as the live article, or a text this article has had before: nothing to offer.</summary>
    Nothing,

    /// <summary>Offered as a change waiting for review, by <see cref="RevisionActions.NewRelease"/>.</summary>
    Offered,

    /// <summary>A member of staff has a change in progress on it: theirs is kept, and the release waits for it.</summary>
    Waiting,
}

/// <summary>Upgrades: a new release's articles are offered for review, never published by themselves.</summary>
public sealed class ReleaseTextOffers(
    ArticleQueries queries,
    IArticleFileStore files,
    ArticleLocks locks,
    StaffDbContext database,
    TimeProvider time,
    ArticleActionRunner runner)
{
    /// <summary>
    /// Offers one shipped article's text for review when it is new to this site: not the live text, and no
    /// version of this article has ever held it. The history is the record of what was offered and what the
    /// release before shipped (the first start recorded the seeded files), so a text is offered once, and a
    /// clinic's own later edit is never undone by the old shipped text coming back. A change in progress by a
    /// member of staff is never overwritten; one written only by the release gives way to the newer release text.
    /// </summary>
    /// <param name="pictures">The shipped images folder, for pictures the text shows that the site does not have.</param>
    internal async Task<ReleaseOffer> OfferFromReleaseAsync(string slug, string text, string pictures)
    {
        using var held = await locks.HoldAsync(slug);
        var published = files.Read(slug);
        var hash = ArticleFile.ContentHash(text);
        if (published.Problem is not null || ArticleFile.ContentHash(published.Text) == hash)
        {
            return ReleaseOffer.Nothing;
        }

        var history = await database.ArticleRevisions.AsNoTracking().Where(r => r.Slug == slug && r.Text != string.Empty)
            .Select(r => r.Text).ToListAsync();
        if (history.Any(old => ArticleFile.ContentHash(old) == hash))
        {
            return ReleaseOffer.Nothing;
        }

        try
        {
            var waiting = false;
            var result = await runner.RunLockedAsync(slug, RevisionActions.NewRelease, async action =>
            {
                if (action.State.DraftRevisionId is not null &&
                    (await ArticleQueries.ContributorsAsync(database, [slug])).GetValueOrDefault(slug) is not [RevisionActions.NewRelease])
                {
                    waiting = true;
                    return WorkflowResult.Conflict("A member of staff has a change in progress on it.");
                }

                action.State.Send(text, ArticleFile.ContentHash(published.Text), RevisionActions.NewRelease, published.Exists
                    ? "From the new release: the text this version of the software ships. Approve it to publish it, or return it to keep the text on the site."
                    : "From the new release: an article this version of the software ships that this site does not have yet.");
                action.Pictures.AddRange(ShippedPictures(slug, text, pictures));
                return WorkflowResult.Done("Offered for review.");
            });
            return result.Succeeded ? ReleaseOffer.Offered : waiting ? ReleaseOffer.Waiting : ReleaseOffer.Nothing;
        }
        catch (DbUpdateException)
        {
            // Another instance offered it, or someone acted on the article, at the same moment: the next look decides again.
            return ReleaseOffer.Nothing;
        }
        finally
        {
            database.ChangeTracker.Clear();
        }
    }

    /// <summary>The shipped pictures a text shows that neither the site nor any draft has, kept with the offer as an upload is.</summary>
    private List<RevisionPicture> ShippedPictures(string slug, string text, string folder)
    {
        var kept = database.RevisionPictures.AsNoTracking().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var pictures = new List<RevisionPicture>();
        foreach (var name in queries.NotOnSite(text).Where(name => !kept.Contains(name) && PictureRules.IsValidName(name)))
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path) || File.ReadAllBytes(path) is not { } bytes || PictureRules.TypeOf(bytes) is not { } type)
            {
                continue; // the checker names the missing picture on the review page, and approval waits for it
            }

            pictures.Add(new RevisionPicture
            {
                Name = name,
                Slug = slug,
                ContentType = type,
                Bytes = bytes,
                UploadedBy = RevisionActions.NewRelease,
                UploadedAt = time.GetUtcNow(),
            });
        }

        return pictures;
    }
}
