using HeadacheInfo.Web.Staff.Database;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// Who wrote what, from an article's revisions: the four-eyes rules rest on it. A change in progress is
/// everything saved or sent since the last approval (a roll-back or a confirmation publishes no one's new
/// words, so it ends nothing); a draft restored from an unpublished one brings that draft's writers with it;
/// a version put back keeps the writers of the version it puts back.
/// </summary>
public sealed class Authorship(IReadOnlyList<RevisionStep> history)
{
    private readonly IReadOnlyList<RevisionStep> _history = [.. history.OrderBy(r => r.Id)];

    /// <summary>Everyone who wrote part of the change in progress.</summary>
    public IReadOnlyList<string> ChangeInProgress() => Order(ChangeBefore(long.MaxValue));

    /// <summary>Everyone who wrote the published text, or nobody when it came from outside the app.</summary>
    public IReadOnlyList<string> Published() =>
        _history.LastOrDefault(r => r.Action is RevisionActions.Approved or RevisionActions.RolledBack or RevisionActions.OutsideEdit
            or RevisionActions.Confirmed or RevisionActions.Unpublished) is { } last
            ? Order(WritersOf(last, depth: 0))
            : [];

    private HashSet<string> WritersOf(RevisionStep publication, int depth)
    {
        // A chain of put-backs is short; the bound keeps a corrupt history from looping.
        if (depth > 50)
        {
            return [];
        }

        return publication.Action switch
        {
            RevisionActions.Approved => ChangeBefore(Decided(publication) + 1),
            RevisionActions.RolledBack when Find(publication.SubjectRevisionId) is { } putBack => WritersOf(putBack, depth + 1),
            RevisionActions.Confirmed when _history.LastOrDefault(r => r.Id < publication.Id && r.Action is RevisionActions.Approved
                or RevisionActions.RolledBack or RevisionActions.OutsideEdit) is { } confirmed => WritersOf(confirmed, depth + 1),
            _ => new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>The writers of the change that was in progress just before <paramref name="before"/>.</summary>
    private HashSet<string> ChangeBefore(long before, int depth = 0)
    {
        // A discarded draft's words never reach patients: its writers are no part of the next change.
        var since = _history.Where(r => r.Id < before && r.Action is RevisionActions.Approved or RevisionActions.Discarded)
            .Select(r => r.Action == RevisionActions.Discarded ? r.Id : Decided(r)).DefaultIfEmpty(0).Max();
        var writers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in _history.Where(r => r.Id > since && r.Id < before && r.Action is RevisionActions.Saved or RevisionActions.Submitted))
        {
            writers.Add(step.Author);
            // A draft restored from one never published carries its writers' words.
            if (depth < 50 && Source(step) is { Action: RevisionActions.Saved or RevisionActions.Submitted } source)
            {
                writers.UnionWith(ChangeBefore(source.Id + 1, depth + 1));
            }
        }

        return writers;
    }

    /// <summary>
    /// The revision a restored draft came from (through a return, to the text it returned; through an approval for
    /// later that never went live, to the submission it approved, since those words never reached patients).
    /// </summary>
    private RevisionStep? Source(RevisionStep step)
    {
        var source = Find(step.SubjectRevisionId);
        return source switch
        {
            { Action: RevisionActions.Returned } returned => Find(returned.SubjectRevisionId),
            { Action: RevisionActions.Discarded } discarded => Find(discarded.SubjectRevisionId),
            { Action: RevisionActions.Scheduled } scheduled when !WentLive(scheduled) => Find(scheduled.SubjectRevisionId),
            _ => source,
        };
    }

    /// <summary>Whether a change approved for later was published: an approval of the same submission follows it.</summary>
    private bool WentLive(RevisionStep scheduled) =>
        _history.Any(r => r.Id > scheduled.Id && r.Action == RevisionActions.Approved && r.SubjectRevisionId == scheduled.SubjectRevisionId);

    /// <summary>
    /// The last step an approval covers: the submission it decided. A change approved for later goes live after
    /// steps taken meanwhile (a new draft), which are not part of it and stay a change in progress.
    /// </summary>
    private static long Decided(RevisionStep approval) =>
        approval.SubjectRevisionId is { } subject && subject < approval.Id ? subject : approval.Id;

    private RevisionStep? Find(long? id) => id is { } value ? _history.FirstOrDefault(r => r.Id == value) : null;

    private static List<string> Order(IEnumerable<string> writers) => [.. writers.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
}
