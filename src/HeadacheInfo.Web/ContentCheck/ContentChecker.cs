using System.Globalization;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Articles.CareCards;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Site;
using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Web.ContentCheck;

/// <summary>
/// Checks a content folder before it is published. It loads the folder with the site's own
/// <see cref="ContentLoader"/>, so every reason the site would leave a file out is an error here too,
/// then adds checks the site cannot make on its own: links, images, care cards, each sign in a card of its
/// tier, help numbers, review dates and readability.
/// </summary>
public sealed partial class ContentChecker(ContentLoader loader, TimeProvider time, ClinicOptions clinic)
{
    public const double TargetGrade = 8;
    public const int SummaryMaxLength = 160;
    public const int MinWords = 300;
    public const int MaxWords = 1500;
    public const int ReviewDueSoonDays = 30;
    public const int MaxImageBytes = PictureRules.MaxBytes;
    private const string ImagesFolder = ArticlesRegistration.ContentImagesFolder;

    public ContentCheckReport Check(string contentRoot)
    {
        var snapshot = loader.Load(contentRoot, includeDrafts: true, version: 1);
        // The UTC date, as everywhere else on the site: the same answer on any machine, whatever its time zone.
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        var files = LeftOut(snapshot)
            .Concat(snapshot.Articles.Select(article => CheckArticle(article, snapshot.Find, CheckOnItsOwn(article, contentRoot, today, clinic))))
            .OrderBy(file => file.File, StringComparer.Ordinal);
        return new ContentCheckReport(contentRoot, [.. files]) { ContentFindings = [.. ResultsWithoutArticles(snapshot)] };
    }

    /// <summary>An error for each symptom-check outcome that no published article suits.</summary>
    public static IEnumerable<CheckFinding> ResultsWithoutArticles(ContentSnapshot snapshot)
    {
        var published = snapshot.Articles.Where(article => !article.FrontMatter.Draft).ToList();
        return TriageOutcome.All
            .Where(outcome => !published.Any(article => article.FrontMatter.Suits.Contains(outcome.Key, StringComparer.Ordinal)))
            .Select(outcome => new CheckFinding(FindingSeverity.Error, null,
                $"no article suits the symptom-check result '{outcome.Key}', so its page would point to nothing to read; " +
                $"add '{outcome.Key}' to the 'suits:' list of the article people should read after it"));
    }

    /// <summary>Each file the loader left out, with every reason as an error.</summary>
    public static IEnumerable<FileCheck> LeftOut(ContentSnapshot snapshot) =>
        snapshot.Problems
            .GroupBy(problem => problem.File)
            .Select(group => new FileCheck(group.Key, null,
                [.. group.Select(p => new CheckFinding(FindingSeverity.Error, p.Line, p.Reason))]));

    /// <summary>An article's findings: those of the article on its own, and its links checked against the others.</summary>
    /// <param name="find">Finds another article by slug, for links.</param>
    public static FileCheck CheckArticle(Article article, Func<string, Article?> find, FileCheck onItsOwn)
    {
        var links = article.Body.Links
            .Select(link => (link.Line, Problem: CheckLink(link.Url, article, find)))
            .Where(x => x.Problem is not null)
            .Select(x => new CheckFinding(FindingSeverity.Error, x.Line, x.Problem!));
        return onItsOwn with { Findings = [.. onItsOwn.Findings, .. links] };
    }

    /// <summary>
    /// The checks that need only the article itself (and its file, images and the date): the expensive part,
    /// which a caller may keep while the article is unchanged.
    /// </summary>
    /// <param name="text">The file's text when it is not (yet) on disk, such as a draft being previewed.</param>
    /// <param name="draftPicture">For a draft: a picture uploaded with it, by name, that is not in the images folder yet.</param>
    public static FileCheck CheckOnItsOwn(Article article, string contentRoot, DateOnly today, ClinicOptions clinic, string? text = null,
        Func<string, byte[]?>? draftPicture = null)
    {
        var findings = new List<CheckFinding>();
        void Error(int? line, string message) => findings.Add(new(FindingSeverity.Error, line, message));
        void Warning(int? line, string message) => findings.Add(new(FindingSeverity.Warning, line, message));

        var meta = article.FrontMatter;
        if (meta.NextReview < meta.LastReviewed)
        {
            Error(null, $"next_review ({Iso(meta.NextReview)}) is before last_reviewed ({Iso(meta.LastReviewed)})");
        }
        else if (meta.NextReview < today)
        {
            Warning(null, $"review is overdue: next_review was {Iso(meta.NextReview)}");
        }
        else if (meta.NextReview <= today.AddDays(ReviewDueSoonDays))
        {
            Warning(null, $"review is due within {ReviewDueSoonDays} days: next_review is {Iso(meta.NextReview)}");
        }

        // Only a file on the site can borrow a sign-off; a draft is signed off afresh when it is approved.
        if (text is null && meta.Reviewer is not null && !meta.ClinicallySignedOff)
        {
            Warning(null, $"the article names a reviewer ('{meta.Reviewer}'), but this text is not what they signed off in the staff area " +
                "(it changed since, or the line was typed by hand), so the page says no clinician has checked it yet; ask a reviewer to confirm it");
        }

        // Patients read the change log as what happened: a change dated ahead of today did not happen yet.
        if (meta.Changes.FirstOrDefault(c => c.Date > today) is { Note.Length: > 0 } ahead)
        {
            Error(null, $"a change under 'changes' is dated {Iso(ahead.Date)}, after today; a change is logged on the day it was approved");
        }

        if (meta.Summary.Length > SummaryMaxLength)
        {
            Warning(null, $"the summary is {meta.Summary.Length} characters; keep it to {SummaryMaxLength} or fewer");
        }

        foreach (var image in article.Body.Images)
        {
            if (string.IsNullOrWhiteSpace(image.AltText) && !image.Decorative)
            {
                Error(image.Line, $"the image '{image.Url}' has no alt text: describe it inside the brackets, ![like this]({image.Url})");
            }

            if (CheckImage(image.Url, contentRoot, draftPicture) is { } problem)
            {
                Error(image.Line, problem);
            }
        }

        foreach (var container in article.Body.Containers.Where(c => CareCardKind.FromKey(c.Kind) is null))
        {
            Error(container.Line, $"unknown care card '::: {container.Kind}'; use one of " +
                string.Join(", ", CareCardKind.All.Select(kind => $"'::: {kind.Key}'")));
        }

        // An error, not a warning: a number that does not work where the reader is can cost a life. Each paragraph
        // is checked as a reader sees it (emphasis, entities, code and full-width digits undone); the lines outside
        // any paragraph (code blocks, raw HTML) as written.
        var inPassages = article.Body.Passages.SelectMany(p => Enumerable.Range(p.Line, p.LastLine - p.Line + 1)).ToHashSet();
        var written = WrittenText(contentRoot, article, text).Where(w => w.Line is not { } line || !inPassages.Contains(line))
            .Concat(article.Body.Passages.Select(p => (Text: AsRead(p.Text), Line: (int?)p.Line)))
            .Prepend((meta.Summary, null)).Prepend((meta.Title, null));
        foreach (var (words, line) in written)
        {
            foreach (var finding in HelpLineFindings(words, clinic))
            {
                Error(line, finding);
            }
        }

        foreach (var link in article.Body.Links.Where(l => l.Url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var finding in HelpLineFindings(AsRead(link.Url["tel:".Length..]), clinic))
            {
                Error(link.Line, "a phone link: " + finding);
            }
        }

        findings.AddRange(SignTiers.Check(article));

        var grade = ReadingGrade.Measure(article.Body.ProseParagraphs);
        if (grade.Grade > TargetGrade)
        {
            Warning(null, $"reading grade {Number(grade.Grade)} is above the target of {Number(TargetGrade)}: " +
                "use shorter sentences and everyday words");
        }

        if (grade.Words < MinWords)
        {
            Warning(null, $"{grade.Words} words is short; aim for at least {MinWords}");
        }
        else if (grade.Words > MaxWords)
        {
            Warning(null, $"{grade.Words} words is long; aim for {MaxWords} or fewer, or split the article");
        }

        return new FileCheck(article.File, grade, [.. findings]);
    }

    /// <summary>
    /// The body as staff wrote it, line by line, with link addresses and placeholders taken out: what a
    /// reader sees typed. Read again from the file, so the site never holds a second copy of every article.
    /// </summary>
    private static IEnumerable<(string Text, int? Line)> WrittenText(string contentRoot, Article article, string? text)
    {
        try
        {
            text ??= File.ReadAllText(Path.Combine(contentRoot, article.File));
        }
        catch (IOException)
        {
            yield break; // changed since it was loaded; the next check will see it
        }

        var split = ArticleFile.Read(text);
        var lines = split?.Lines ?? ArticleFile.SplitLines(text);
        for (var i = split is null ? 0 : split.CloseLine + 1; i < lines.Count; i++)
        {
            yield return (LinkTarget().Replace(lines[i], " "), i + 1);
        }
    }

    /// <summary>Text as a reader sees it: full-width digits as digits, and no invisible characters between them.</summary>
    private static string AsRead(string text)
    {
        var read = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\uFF10' and <= '\uFF19')
            {
                read.Append((char)('0' + (c - '\uFF10')));
            }
            else if (c is not ('\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD'))
            {
                read.Append(c);
            }
        }

        return read.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\]\([^)]*\)|<[a-z]+:[^>]*>|`[^`]*`")]
    private static partial System.Text.RegularExpressions.Regex LinkTarget();

    /// <summary>
    /// A help line written out ("999", "NHS 111") is wrong wherever a clinic has set another one; the
    /// placeholder always shows the configured value. The built-in defaults are looked for too, since those
    /// are what a copied article would say.
    /// </summary>
    private static IEnumerable<string> HelpLineFindings(string text, ClinicOptions clinic)
    {
        var defaults = new ClinicOptions();
        (string Literal, string Placeholder)[] literals =
        [
            (clinic.UrgentAdviceName, "urgent-advice-name"), (defaults.UrgentAdviceName, "urgent-advice-name"),
            (clinic.EmergencyNumber, "emergency-number"), (defaults.EmergencyNumber, "emergency-number"),
            (clinic.UrgentAdviceNumber, "urgent-advice-number"), (defaults.UrgentAdviceNumber, "urgent-advice-number"),
        ];
        foreach (var (literal, placeholder) in literals.Distinct())
        {
            // Most lines hold no number at all: the plain search spares them the pattern.
            if (!text.Contains(literal, StringComparison.Ordinal))
            {
                continue;
            }

            var pattern = $@"(?<![\w]){System.Text.RegularExpressions.Regex.Escape(literal)}(?![\w])";
            if (System.Text.RegularExpressions.Regex.IsMatch(text, pattern))
            {
                text = System.Text.RegularExpressions.Regex.Replace(text, pattern, " ");
                yield return $"'{literal}' is written out; write {{{{{placeholder}}}}} instead, so the page always shows the clinic's own {Describe(placeholder)}";
            }
        }

        foreach (System.Text.RegularExpressions.Match unknown in ClinicText.Placeholder().Matches(text))
        {
            if (unknown.Groups[1].Value == EmergencySignsList.Name)
            {
                // On its own line it becomes the list and is never seen here as written.
                yield return $"{EmergencySignsList.Placeholder} is a list of signs: write it on a line of its own, inside a '::: emergency' card";
            }
            else if (ClinicText.Value(unknown.Groups[1].Value, clinic) is null)
            {
                yield return $"unknown placeholder '{unknown.Value}'; use one of " +
                    string.Join(", ", ClinicText.Placeholders.Keys.Append(EmergencySignsList.Name).Select(k => $"{{{{{k}}}}}"));
            }
        }

        static string Describe(string placeholder) => placeholder switch
        {
            "emergency-number" => "emergency number",
            "urgent-advice-name" => "urgent advice service",
            _ => "urgent advice number",
        };
    }

    private static string? CheckLink(string url, Article article, Func<string, Article?> find)
    {
        var (path, anchor) = SplitAnchor(url);
        if (path.Length == 0)
        {
            return anchor is null || article.Headings.Any(h => h.Id == anchor) || IsFootnoteAnchor(anchor)
                ? null
                : $"link to '#{anchor}': there is no heading with that anchor in this article{AnchorsHint(article)}";
        }

        if (url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) ||
            url.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase) ||
            url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return $"link to '{url}': script and data links are not allowed";
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto" or "tel")
        {
            return null;
        }

        if (!path.StartsWith('/'))
        {
            return $"link to '{url}': write links to other articles as /articles/name, such as /articles/{article.Slug}";
        }

        if (!path.StartsWith(SitePaths.ArticlePrefix, StringComparison.Ordinal))
        {
            return SitePages.Paths.Contains(path.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/")
                ? null
                : $"link to '{url}': there is no such page on this site";
        }

        var slug = path[SitePaths.ArticlePrefix.Length..].TrimEnd('/');
        if (find(slug) is not { } target)
        {
            return $"link to '{url}': there is no article called '{slug}'";
        }

        return anchor is null || target.Headings.Any(h => h.Id == anchor)
            ? null
            : $"link to '{url}': the article '{slug}' has no heading with the anchor '#{anchor}'{AnchorsHint(target)}";
    }

    /// <param name="draftPicture">A picture uploaded with a draft and not yet in the images folder, by name, or null.</param>
    private static string? CheckImage(string url, string contentRoot, Func<string, byte[]?>? draftPicture)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return $"the image '{url}' is on another website; put it in the content folder's {ImagesFolder}/ folder and link to it as {SitePaths.Images}/name.png";
        }

        var prefix = SitePaths.Images + "/";
        if (!url.StartsWith(prefix, StringComparison.Ordinal))
        {
            return $"the image '{url}' must be in the content folder's {ImagesFolder}/ folder and linked as {SitePaths.Images}/name.png";
        }

        var relative = Uri.UnescapeDataString(url[prefix.Length..]);
        var imagesRoot = Path.GetFullPath(Path.Combine(contentRoot, ImagesFolder));
        var file = Path.GetFullPath(Path.Combine(imagesRoot, relative));
        var inFolder = file.StartsWith(imagesRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (inFolder && File.Exists(file))
        {
            return PictureRules.NameProblem(url, relative) ?? PictureRules.ContentProblem(url, relative, new FileInfo(file).Length, () => File.ReadAllBytes(file));
        }

        // Uploaded with a draft: checked as it will be written when the change is approved.
        if (PictureRules.IsValidName(relative) && draftPicture?.Invoke(relative) is { } uploaded)
        {
            return PictureRules.ContentProblem(url, relative, uploaded.Length, () => uploaded);
        }

        return $"the image '{url}' is missing: there is no file {ImagesFolder}/{relative}";
    }

    private static (string Path, string? Anchor) SplitAnchor(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? url : url[..hash];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return (query < 0 ? path : path[..query], hash < 0 ? null : url[(hash + 1)..]);
    }

    private static bool IsFootnoteAnchor(string anchor) =>
        anchor.StartsWith("fn:", StringComparison.Ordinal) || anchor.StartsWith("fnref:", StringComparison.Ordinal);

    private static string AnchorsHint(Article article) =>
        article.Headings.IsEmpty ? string.Empty : $"; its anchors are {string.Join(", ", article.Headings.Select(h => "#" + h.Id))}";

    private static string Iso(DateOnly date) => date.ToString(FrontMatterReader.DateFormat, CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
