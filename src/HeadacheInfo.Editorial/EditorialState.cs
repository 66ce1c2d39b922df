namespace HeadacheInfo.Editorial;

/// <summary>
/// Where one article stands in the editorial workflow, with every transition on it, in the manner of eShop's
/// <c>Order</c>: each transition guards (a <see cref="Refusal"/> for one that is not allowed now, and nothing
/// changes), changes the state, appends a <see cref="Revision"/> (which never changes afterwards, as Wagtail's)
/// and raises <see cref="EditorialEvent"/>s. Replaying an article's history calls the same methods
/// (<see cref="Replay"/>). Who may act is <see cref="EditorialRules"/>'; this is what the article allows.
/// </summary>
public sealed class EditorialState
{
    private readonly TimeProvider _time;
    private readonly List<Revision> _added = [];
    private readonly List<EditorialEvent> _events = [];
    private Revision? _pendingDraft;
    private Revision? _pendingScheduled;

    /// <summary>During <see cref="Replay"/>: the stored revision the transition being replayed recorded.</summary>
    private Revision? _replaying;

    public EditorialState(string slug, TimeProvider time, string publishedHash = "")
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(time);
        Slug = slug;
        _time = time;
        PublishedHash = publishedHash;
    }

    public string Slug { get; }

    public ChangeState Status { get; private set; }

    /// <summary>The latest revision of the change in progress: the draft saved, or the text sent or returned.</summary>
    public long? DraftRevisionId { get; private set; }

    /// <summary>The content hash of the published text the change in progress started from (empty for a new article).</summary>
    public string DraftBaseHash { get; private set; } = string.Empty;

    /// <summary>The content hash of the published text as the workflow last published or recorded it (empty when off the site).</summary>
    public string PublishedHash { get; private set; }

    /// <summary>A change approved to go live later: its <see cref="RevisionKind.Scheduled"/> revision.</summary>
    public long? ScheduledRevisionId { get; private set; }

    /// <summary>When the scheduled change goes live (UTC).</summary>
    public DateTimeOffset? PublishAt { get; private set; }

    /// <summary>Why the scheduled change could not go live at its time; null while it may.</summary>
    public string? ScheduleProblem { get; private set; }

    /// <summary>When the article comes off the site by itself (UTC).</summary>
    public DateTimeOffset? TakeDownAt { get; private set; }

    public string? TakeDownReason { get; private set; }

    /// <summary>The reviewer who set the take-down date: the take-down is recorded as theirs.</summary>
    public string? TakeDownBy { get; private set; }

    /// <summary>Why the take-down could not happen at its time; null while it may.</summary>
    public string? TakeDownProblem { get; private set; }

    /// <summary>The revisions this state's transitions recorded since it was loaded, in order: to be stored, then as stored.</summary>
    public IReadOnlyList<Revision> NewRevisions => _added;

    /// <summary>What the transitions since it was loaded told, in order.</summary>
    public IReadOnlyList<EditorialEvent> Events => _events;

    /// <summary>Whether a take-down date is set and due at or before <paramref name="now"/>, with nothing stopping it.</summary>
    public bool TakeDownDue(DateTimeOffset now) => TakeDownAt is { } at && at <= now && TakeDownProblem is null;

    /// <summary>Whether the change approved for later is due at <paramref name="now"/>, with nothing stopping it.</summary>
    public bool PublishDue(DateTimeOffset now) => ScheduledRevisionId is not null && PublishAt is { } at && at <= now && ScheduleProblem is null;

    /// <summary>The state as stored, to load it again.</summary>
    public StateSnapshot Snapshot() => new(Slug, Status, DraftRevisionId, DraftBaseHash, PublishedHash, ScheduledRevisionId, PublishAt, ScheduleProblem,
        TakeDownAt, TakeDownReason, TakeDownBy, TakeDownProblem);

    /// <summary>A state loaded as stored.</summary>
    public static EditorialState Load(StateSnapshot stored, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new EditorialState(stored.Slug, time, stored.PublishedHash)
        {
            Status = stored.Status,
            DraftRevisionId = stored.DraftRevisionId,
            DraftBaseHash = stored.DraftBaseHash,
            ScheduledRevisionId = stored.ScheduledRevisionId,
            PublishAt = stored.PublishAt,
            ScheduleProblem = stored.ScheduleProblem,
            TakeDownAt = stored.TakeDownAt,
            TakeDownReason = stored.TakeDownReason,
            TakeDownBy = stored.TakeDownBy,
            TakeDownProblem = stored.TakeDownProblem,
        };
    }

    /// <summary>Tells the state the number a revision it recorded was stored under, so what points at it can.</summary>
    /// <returns>The revision as stored, which <see cref="NewRevisions"/> holds from now on.</returns>
    public Revision Stored(Revision revision, long id)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var stored = revision with { Id = id };
        var at = _added.FindIndex(r => ReferenceEquals(r, revision));
        if (at >= 0)
        {
            _added[at] = stored;
        }

        if (ReferenceEquals(revision, _pendingDraft))
        {
            DraftRevisionId = id;
            _pendingDraft = null;
        }

        if (ReferenceEquals(revision, _pendingScheduled))
        {
            ScheduledRevisionId = id;
            _pendingScheduled = null;
        }

        return stored;
    }

    /// <summary>Saves a draft. Allowed whatever the state: a change waiting for review goes back to a draft.</summary>
    public Revision Save(string text, string baseHash, string author, string? note, string? readerNote = null, DraftOrigin origin = DraftOrigin.Editor)
    {
        var revision = Record(new Revision(RevisionKind.Saved, text, baseHash, author, _time.GetUtcNow(), Tidy(note)) { ReaderNote = Tidy(readerNote) });
        BeginDraft(ChangeState.Draft, revision);
        Raise(new DraftSaved(Slug, revision, origin));
        return revision;
    }

    /// <summary>
    /// Drops the draft or returned change in progress: the published text (or none) stays as it is and the article
    /// has no change in progress again. The history keeps the dropped text; the new revision points at it.
    /// </summary>
    public Refusal? Discard(string actor)
    {
        switch (Status)
        {
            case ChangeState.None:
                return Refusal.NothingToDiscard;
            case ChangeState.Waiting:
                return Refusal.ChangeWaiting;
        }

        var dropped = DraftRevisionId;
        var revision = Record(new Revision(RevisionKind.Discarded, string.Empty, DraftBaseHash, actor, _time.GetUtcNow(), "draft discarded", dropped));
        EndDraft();
        Raise(new DraftDiscarded(Slug, revision, dropped));
        return null;
    }

    /// <summary>Sends a change for review (an author's, or a new release's text).</summary>
    public Revision Send(string text, string baseHash, string author, string? note, string? readerNote = null)
    {
        var revision = Record(new Revision(RevisionKind.Submitted, text, baseHash, author, _time.GetUtcNow(), Tidy(note)) { ReaderNote = Tidy(readerNote) });
        BeginDraft(ChangeState.Waiting, revision);
        Raise(new SentForReview(Slug, revision));
        return revision;
    }

    /// <summary>Sends the change waiting for review back to its authors with the reviewer's comment.</summary>
    public Refusal? Return(Revision submitted, string reviewer, string comment)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        if (!IsWaiting(submitted))
        {
            return Refusal.NotWaiting;
        }

        var revision = Record(new Revision(RevisionKind.Returned, string.Empty, submitted.BaseHash, reviewer, _time.GetUtcNow(), Tidy(comment), submitted.Id));
        Status = ChangeState.Returned;
        Raise(new ChangeReturned(Slug, revision, submitted.Id));
        return null;
    }

    /// <summary>Approves the change waiting for review and publishes <paramref name="signedOff"/> (its text with the review fields set) now.</summary>
    public Refusal? ApproveNow(Revision submitted, string signedOff, string reviewer, string note)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        if (!IsWaiting(submitted))
        {
            return Refusal.NotWaiting;
        }

        var revision = Record(new Revision(RevisionKind.Approved, signedOff, submitted.BaseHash, reviewer, _time.GetUtcNow(), Tidy(note), submitted.Id));
        EndDraft();
        PublishedHash = ArticleFile.ContentHash(signedOff);
        Raise(new ChangeApproved(Slug, revision, submitted.Id));
        Raise(new Published(Slug, signedOff));
        return null;
    }

    /// <summary>
    /// Approves the change waiting for review to go live at <paramref name="at"/>: the decision is recorded now, the
    /// signed-off text kept as a scheduled revision; the published version stays live, and authors may write meanwhile.
    /// </summary>
    public Refusal? ApproveAt(Revision submitted, string signedOff, DateTimeOffset at, string reviewer, string note)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        if (!IsWaiting(submitted))
        {
            return Refusal.NotWaiting;
        }

        if (ScheduledRevisionId is not null && PublishAt is not null)
        {
            return Refusal.AlreadyScheduled;
        }

        var revision = Record(new Revision(RevisionKind.Scheduled, signedOff, submitted.BaseHash, reviewer, _time.GetUtcNow(), Tidy(note), submitted.Id));
        EndDraft();
        SetScheduled(revision);
        PublishAt = (_replaying?.At ?? at).ToUniversalTime();
        ScheduleProblem = null;
        Raise(new ChangeScheduled(Slug, revision, submitted.Id, at));
        return null;
    }

    /// <summary>
    /// Calls off the change approved for later. It goes back to waiting for review (a clinician approved its words;
    /// only the time is withdrawn), unless a newer change is already being written, which stays the change in progress.
    /// </summary>
    public Refusal? CancelSchedule(Revision scheduled, string reviewer)
    {
        ArgumentNullException.ThrowIfNull(scheduled);
        if (ScheduledRevisionId is not { } id || id != scheduled.Id)
        {
            return Refusal.NothingScheduled;
        }

        var backToReview = Status == ChangeState.None && DraftRevisionId is null && scheduled.Subject is not null;
        var revision = Record(new Revision(RevisionKind.ScheduleCancelled, string.Empty, scheduled.BaseHash, reviewer, _time.GetUtcNow(),
            backToReview ? "scheduled change cancelled; back to waiting for review" : "scheduled change cancelled; a newer change was already in progress",
            scheduled.Id));
        if (backToReview)
        {
            Status = ChangeState.Waiting;
            DraftRevisionId = scheduled.Subject;
            DraftBaseHash = scheduled.BaseHash;
        }

        ClearSchedule();
        Raise(new ScheduleCancelled(Slug, revision, scheduled, backToReview));
        return null;
    }

    /// <summary>Publishes the change approved for later, now due: signed by the reviewer who approved it, the same text byte for byte.</summary>
    public Refusal? PublishScheduled(Revision scheduled, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scheduled);
        if (ScheduledRevisionId != scheduled.Id || !PublishDue(now))
        {
            return Refusal.NotDue;
        }

        var revision = Record(new Revision(RevisionKind.Approved, scheduled.Text, scheduled.BaseHash, scheduled.Author, _time.GetUtcNow(),
            $"went live as scheduled (approved in revision {scheduled.Id})", scheduled.Subject));
        ClearSchedule();
        PublishedHash = ArticleFile.ContentHash(scheduled.Text);
        Raise(new ScheduledChangePublished(Slug, revision, scheduled));
        Raise(new Published(Slug, scheduled.Text));
        return null;
    }

    /// <summary>The change approved for later could not go live at its time: it stays scheduled, with the reason, until cancelled.</summary>
    public Refusal? FailSchedule(string reason)
    {
        if (ScheduledRevisionId is null)
        {
            return Refusal.NothingScheduled;
        }

        ScheduleProblem = Limit(reason);
        Raise(new ScheduleFailed(Slug, reason));
        return null;
    }

    /// <summary>A reviewer signs off the published <paramref name="text"/> as it stands: <paramref name="confirmed"/> is it with the review fields set.</summary>
    public Refusal? Confirm(string text, string confirmed, string reviewer)
    {
        if (Status == ChangeState.Waiting)
        {
            return Refusal.ChangeWaiting;
        }

        var revision = Record(new Revision(RevisionKind.Confirmed, confirmed, ArticleFile.ContentHash(text), reviewer, _time.GetUtcNow(), "confirmed still accurate"));
        PublishedHash = ArticleFile.ContentHash(confirmed);
        Raise(new ArticleConfirmed(Slug, revision));
        Raise(new Published(Slug, confirmed));
        return null;
    }

    /// <summary>Takes the article (published as <paramref name="text"/>) off the site now; a take-down date set earlier is done with too.</summary>
    /// <param name="reason">Why, in the reviewer's words, for the audit log (the note, when not given).</param>
    public Revision TakeDown(string text, string author, string note, string? reason = null) => TakeDown(text, author, note, reason ?? note, scheduledBy: null);

    private Revision TakeDown(string text, string author, string note, string reason, string? scheduledBy)
    {
        var revision = Record(new Revision(RevisionKind.Unpublished, text, ArticleFile.ContentHash(text), author, _time.GetUtcNow(), Tidy(note)));
        PublishedHash = string.Empty;
        ClearTakeDownDate();
        Raise(new TakenDown(Slug, revision, reason, scheduledBy));
        Raise(new Published(Slug, null));
        return revision;
    }

    /// <summary>
    /// Takes the article (published as <paramref name="text"/>) off the site at the time a reviewer set, now due:
    /// recorded as that reviewer's, for the reason they gave.
    /// </summary>
    public Refusal? TakeDownAsScheduled(string text, DateTimeOffset now)
    {
        if (TakeDownAt is null)
        {
            return Refusal.NoTakeDownDate;
        }

        if (!TakeDownDue(now))
        {
            return Refusal.NotDue;
        }

        var reason = TakeDownReason ?? "its take-down date came";
        var by = TakeDownBy ?? EditorialAuthors.OutsideTheApp;
        TakeDown(text, by, $"taken off the site as scheduled: {reason}", reason, scheduledBy: by);
        return null;
    }

    /// <summary>Sets (or moves) the time the article comes off the site by itself. No revision: nothing happened to the text yet.</summary>
    public void TakeDownAtTime(DateTimeOffset at, string reason, string by)
    {
        TakeDownAt = at;
        TakeDownReason = reason.Trim();
        TakeDownBy = by;
        TakeDownProblem = null;
        Raise(new TakeDownScheduled(Slug, at, reason.Trim(), by));
    }

    /// <summary>Calls off the take-down date; the article stays on the site.</summary>
    public Refusal? CancelTakeDown()
    {
        if (TakeDownAt is not { } at)
        {
            return Refusal.NoTakeDownDate;
        }

        ClearTakeDownDate();
        Raise(new TakeDownCancelled(Slug, at));
        return null;
    }

    /// <summary>The take-down could not happen at its time: the date stays, with the reason, until someone acts.</summary>
    public Refusal? FailTakeDown(string problem)
    {
        if (TakeDownAt is null)
        {
            return Refusal.NoTakeDownDate;
        }

        TakeDownProblem = Limit(problem);
        Raise(new TakeDownFailed(Slug, TakeDownProblem));
        return null;
    }

    /// <summary>Makes a new draft from an old version (its text <paramref name="text"/>), to be reviewed like any other change.</summary>
    /// <param name="publishedHash">The content hash of the text on the site now, which the draft starts from.</param>
    public Refusal? Restore(Revision old, string text, string publishedHash, string author)
    {
        ArgumentNullException.ThrowIfNull(old);
        if (Status == ChangeState.Waiting)
        {
            return Refusal.ChangeWaiting;
        }

        // The source goes with it: a draft restored from one never published brings its writers' words, and so its writers.
        var revision = Record(new Revision(RevisionKind.Saved, text, publishedHash, author, _time.GetUtcNow(), $"restored from revision {old.Id}", old.Id));
        BeginDraft(ChangeState.Draft, revision);
        Raise(new DraftSaved(Slug, revision, DraftOrigin.Restored));
        return null;
    }

    /// <summary>Puts back a version approved before, at once, with its review fields as they were.</summary>
    /// <param name="publishedHash">The content hash of the text on the site now.</param>
    public Refusal? RollBack(Revision old, string publishedHash, string reviewer)
    {
        ArgumentNullException.ThrowIfNull(old);
        if (!old.WasApproved)
        {
            return Refusal.NeverApproved;
        }

        if (ArticleFile.ContentHash(old.Text) == publishedHash)
        {
            return Refusal.AlreadyLive;
        }

        var revision = Record(new Revision(RevisionKind.RolledBack, old.Text, publishedHash, reviewer, _time.GetUtcNow(), $"put back revision {old.Id}", old.Id));
        PublishedHash = ArticleFile.ContentHash(old.Text);
        Raise(new RolledBack(Slug, revision, old));
        Raise(new Published(Slug, old.Text));
        return null;
    }

    /// <summary>Records a text found in the content folder, changed there and not through the staff area; it travels as any publication.</summary>
    public Revision RecordOutsideEdit(string text, string note)
    {
        var hash = ArticleFile.ContentHash(text);
        var revision = Record(new Revision(RevisionKind.OutsideEdit, text, hash, EditorialAuthors.OutsideTheApp, _time.GetUtcNow(), Tidy(note)));
        PublishedHash = hash;
        Raise(new OutsideEditRecorded(Slug, revision));
        Raise(new Published(Slug, text));
        return revision;
    }

    /// <summary>Records that the published file was deleted by hand, its last text <paramref name="lastText"/>: a take-down that travels.</summary>
    public Revision RecordOutsideDeletion(string lastText, string note)
    {
        var revision = Record(new Revision(RevisionKind.Unpublished, lastText, ArticleFile.ContentHash(lastText), EditorialAuthors.OutsideTheApp,
            _time.GetUtcNow(), Tidy(note)));
        PublishedHash = string.Empty;
        Raise(new OutsideDeletionRecorded(Slug, revision));
        Raise(new Published(Slug, null));
        return revision;
    }

    /// <summary>
    /// The state an article's history leads to, by calling the transitions each stored revision recorded (a
    /// database made before state rows existed has only revisions). A step its state refuses (a history made by
    /// hand, or by a fault long fixed) is passed over. What no revision records (a take-down date, a schedule's
    /// time) is not in the result: a scheduled change's time is taken as the time it was approved.
    /// </summary>
    /// <param name="publishedBefore">The content hash of what was on the site before the history begins (empty for nothing).</param>
    public static EditorialState Replay(string slug, IEnumerable<Revision> history, TimeProvider time, string publishedBefore = "")
    {
        ArgumentNullException.ThrowIfNull(history);
        var state = new EditorialState(slug, time, publishedBefore);
        var byId = new Dictionary<long, Revision>();
        foreach (var revision in history.OrderBy(r => r.Id))
        {
            byId[revision.Id] = revision;
            Revision? Find(long? id) => id is { } value ? byId.GetValueOrDefault(value) : null;
            state._replaying = revision;
            try
            {
                _ = revision.Kind switch
                {
                    RevisionKind.Saved when revision.Subject is not null && Find(revision.Subject) is { } old =>
                        state.Restore(old, revision.Text, revision.BaseHash, revision.Author),
                    RevisionKind.Saved => Done(state.Save(revision.Text, revision.BaseHash, revision.Author, revision.Note, revision.ReaderNote)),
                    RevisionKind.Submitted => Done(state.Send(revision.Text, revision.BaseHash, revision.Author, revision.Note, revision.ReaderNote)),
                    // An approval or a return recorded before decisions named what they decided decides the change in progress.
                    RevisionKind.Returned when (Find(revision.Subject) ?? Find(state.DraftRevisionId)) is { } submitted =>
                        state.Return(submitted, revision.Author, revision.Note ?? string.Empty),
                    RevisionKind.Approved when Find(state.ScheduledRevisionId) is { } scheduled && scheduled.Subject == revision.Subject =>
                        state.PublishScheduled(scheduled, revision.At),
                    RevisionKind.Approved when (Find(revision.Subject) ?? Find(state.DraftRevisionId)) is { } submitted =>
                        state.ApproveNow(submitted, revision.Text, revision.Author, revision.Note ?? string.Empty),
                    RevisionKind.Scheduled when Find(revision.Subject) is { } submitted =>
                        state.ApproveAt(submitted, revision.Text, revision.At, revision.Author, revision.Note ?? string.Empty),
                    RevisionKind.ScheduleCancelled when Find(revision.Subject) is { } scheduled => state.CancelSchedule(scheduled, revision.Author),
                    RevisionKind.Confirmed => state.Confirm(revision.Text, revision.Text, revision.Author),
                    RevisionKind.RolledBack => state.RollBack(Find(revision.Subject) ?? revision with { Kind = RevisionKind.Approved }, revision.BaseHash, revision.Author),
                    RevisionKind.Unpublished when revision.Author == EditorialAuthors.OutsideTheApp && revision.Note?.StartsWith("deleted", StringComparison.Ordinal) == true =>
                        Done(state.RecordOutsideDeletion(revision.Text, revision.Note)),
                    RevisionKind.Unpublished => Done(state.TakeDown(revision.Text, revision.Author, revision.Note ?? string.Empty)),
                    RevisionKind.Discarded => state.Discard(revision.Author),
                    RevisionKind.OutsideEdit => Done(state.RecordOutsideEdit(revision.Text, revision.Note ?? string.Empty)),
                    _ => Refusal.NotWaiting,
                };
            }
            finally
            {
                state._replaying = null;
            }
        }

        state._added.Clear();
        state._events.Clear();
        return state;

        static Refusal? Done(Revision _) => null;
    }

    private bool IsWaiting(Revision submitted) => Status == ChangeState.Waiting && DraftRevisionId == submitted.Id && submitted.Id != 0;

    /// <summary>The revision a transition records: during a replay, the stored one it stands for.</summary>
    private Revision Record(Revision made)
    {
        var revision = _replaying is { } stored && stored.Kind == made.Kind ? stored : made;
        _added.Add(revision);
        return revision;
    }

    private void Raise(EditorialEvent happened) => _events.Add(happened);

    private void BeginDraft(ChangeState status, Revision revision)
    {
        Status = status;
        DraftBaseHash = revision.BaseHash;
        if (revision.Id != 0)
        {
            DraftRevisionId = revision.Id;
            _pendingDraft = null;
        }
        else
        {
            DraftRevisionId = null;
            _pendingDraft = revision;
        }
    }

    private void EndDraft()
    {
        Status = ChangeState.None;
        DraftRevisionId = null;
        DraftBaseHash = string.Empty;
        _pendingDraft = null;
    }

    private void SetScheduled(Revision revision)
    {
        if (revision.Id != 0)
        {
            ScheduledRevisionId = revision.Id;
            _pendingScheduled = null;
        }
        else
        {
            ScheduledRevisionId = null;
            _pendingScheduled = revision;
        }
    }

    private void ClearSchedule()
    {
        ScheduledRevisionId = null;
        PublishAt = null;
        ScheduleProblem = null;
        _pendingScheduled = null;
    }

    private void ClearTakeDownDate()
    {
        TakeDownAt = null;
        TakeDownReason = null;
        TakeDownBy = null;
        TakeDownProblem = null;
    }

    private static string? Tidy(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    /// <summary>A reason as the state keeps it: 1,000 characters at most.</summary>
    private static string Limit(string reason) => reason.Length <= 1000 ? reason : reason[..997] + "...";
}

/// <summary>An <see cref="EditorialState"/> as stored: what <see cref="EditorialState.Load"/> reads and <see cref="EditorialState.Snapshot"/> gives.</summary>
public sealed record StateSnapshot(
    string Slug, ChangeState Status, long? DraftRevisionId, string DraftBaseHash, string PublishedHash,
    long? ScheduledRevisionId, DateTimeOffset? PublishAt, string? ScheduleProblem,
    DateTimeOffset? TakeDownAt, string? TakeDownReason, string? TakeDownBy, string? TakeDownProblem);
