namespace HeadacheInfo.Editorial.Tests;

public sealed class EditorialStateTests
{
    private const string Author = "author@clinic.example";
    private const string Reviewer = "reviewer@clinic.example";
    private const string Published = "---\ntitle: Neck\n---\n\nOld words.\n";
    private const string Changed = "---\ntitle: Neck\n---\n\nNew words.\n";

    private readonly Clock _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private long _nextId = 1;

    [Fact]
    public void Sending_a_change_makes_it_wait_for_review_and_tells_the_reviewers()
    {
        var state = OnSite();

        state.Send(Changed, ArticleFile.ContentHash(Published), Author, "please look");
        var sent = Assert.Single(Store(state));

        Assert.Equal(ChangeState.Waiting, state.Status);
        Assert.Equal(sent.Id, state.DraftRevisionId);
        Assert.Equal(ArticleFile.ContentHash(Published), state.DraftBaseHash);
        Assert.IsType<SentForReview>(Assert.Single(state.Events));
    }

    [Fact]
    public void Approving_what_is_not_waiting_is_refused_and_changes_nothing()
    {
        var state = OnSite();
        state.Save(Changed, ArticleFile.ContentHash(Published), Author, null);
        var draft = Assert.Single(Store(state));
        var before = state.Snapshot();

        Assert.Equal(Refusal.NotWaiting, state.ApproveNow(draft, Changed, Reviewer, "fine"));
        Assert.Equal(Refusal.NotWaiting, state.Return(draft, Reviewer, "no"));
        Assert.Equal(before, state.Snapshot());
        Assert.Single(state.NewRevisions);
    }

    [Fact]
    public void Approving_the_change_waiting_publishes_the_signed_off_text_and_ends_the_change()
    {
        var state = OnSite();
        state.Send(Changed, ArticleFile.ContentHash(Published), Author, null);
        var sent = Assert.Single(Store(state));

        Assert.Null(state.ApproveNow(sent, Changed + "signed", Reviewer, "approved revision 1"));
        Store(state);

        Assert.Equal(ChangeState.None, state.Status);
        Assert.Null(state.DraftRevisionId);
        Assert.Equal(ArticleFile.ContentHash(Changed + "signed"), state.PublishedHash);
        var approved = state.NewRevisions[^1];
        Assert.Equal((RevisionKind.Approved, sent.Id, Reviewer), (approved.Kind, approved.Subject, approved.Author));
        Assert.Equal(new Published("neck", Changed + "signed"), state.Events[^1]);
        Assert.IsType<ChangeApproved>(state.Events[^2]);
    }

    [Fact]
    public void An_approval_for_later_keeps_the_published_text_until_its_time_and_a_second_one_is_refused()
    {
        var state = OnSite();
        state.Send(Changed, ArticleFile.ContentHash(Published), Author, null);
        var first = Assert.Single(Store(state));
        var at = _time.GetUtcNow().AddDays(1);
        Assert.Null(state.ApproveAt(first, Changed, at, Reviewer, "later"));
        Store(state);
        state.Send(Changed + "more", ArticleFile.ContentHash(Published), Author, null);
        var second = Assert.Single(Store(state));

        Assert.Equal(Refusal.AlreadyScheduled, state.ApproveAt(second, Changed + "more", at, Reviewer, "later too"));
        Assert.Equal(ArticleFile.ContentHash(Published), state.PublishedHash);
        Assert.Equal(Refusal.NotDue, state.PublishScheduled(state.NewRevisions[1], _time.GetUtcNow()));

        _time.Advance(TimeSpan.FromDays(2));
        Assert.Null(state.PublishScheduled(state.NewRevisions[1], _time.GetUtcNow()));
        Assert.Equal(ArticleFile.ContentHash(Changed), state.PublishedHash);
        Assert.Null(state.ScheduledRevisionId);
        Assert.Equal(ChangeState.Waiting, state.Status);
        Assert.Equal(Reviewer, state.NewRevisions[^1].Author);
    }

    [Fact]
    public void Cancelling_a_schedule_with_nothing_newer_in_progress_puts_the_change_back_to_waiting_for_review()
    {
        var state = OnSite();
        state.Send(Changed, ArticleFile.ContentHash(Published), Author, null);
        var sent = Assert.Single(Store(state));
        state.ApproveAt(sent, Changed, _time.GetUtcNow().AddHours(3), Reviewer, "later");
        Store(state);
        var scheduled = state.NewRevisions[^1];

        Assert.Null(state.CancelSchedule(scheduled, Reviewer));

        Assert.Equal((ChangeState.Waiting, sent.Id), (state.Status, state.DraftRevisionId));
        Assert.Null(state.ScheduledRevisionId);
        Assert.True(Assert.IsType<ScheduleCancelled>(state.Events[^1]).BackToReview);
        Assert.Equal(Refusal.NothingScheduled, state.CancelSchedule(scheduled, Reviewer));
    }

    [Fact]
    public void A_confirmation_is_refused_while_a_change_waits_and_a_restore_too()
    {
        var state = OnSite();
        state.Send(Changed, ArticleFile.ContentHash(Published), Author, null);
        var sent = Assert.Single(Store(state));

        Assert.Equal(Refusal.ChangeWaiting, state.Confirm(Published, Published + "signed", Reviewer));
        Assert.Equal(Refusal.ChangeWaiting, state.Restore(sent, Changed, state.PublishedHash, Author));
    }

    [Fact]
    public void Only_a_version_approved_before_and_not_on_the_site_now_can_be_rolled_back()
    {
        var state = OnSite();
        state.Save(Changed, ArticleFile.ContentHash(Published), Author, null);
        var draft = Assert.Single(Store(state));
        state.RecordOutsideEdit(Changed, "changed in the content folder, not through the staff area");
        var outside = Assert.Single(Store(state));
        var approvedBefore = new Revision(RevisionKind.Approved, Published, string.Empty, Reviewer, _time.GetUtcNow()) { Id = 99 };

        Assert.Equal(Refusal.NeverApproved, state.RollBack(draft, state.PublishedHash, Reviewer));
        Assert.Equal(Refusal.NeverApproved, state.RollBack(outside, state.PublishedHash, Reviewer));
        Assert.Equal(Refusal.AlreadyLive, state.RollBack(approvedBefore with { Text = Changed }, state.PublishedHash, Reviewer));
        Assert.Null(state.RollBack(approvedBefore, state.PublishedHash, Reviewer));
        Assert.Equal(ArticleFile.ContentHash(Published), state.PublishedHash);
        Assert.Equal(ChangeState.Draft, state.Status);
    }

    [Fact]
    public void Taking_down_ends_a_take_down_date_and_a_cancelled_date_cannot_be_cancelled_again()
    {
        var state = OnSite();
        state.TakeDownAtTime(_time.GetUtcNow().AddDays(7), " seasonal ", Reviewer);
        Assert.Equal("seasonal", state.TakeDownReason);
        Assert.False(state.TakeDownDue(_time.GetUtcNow()));
        Assert.True(state.TakeDownDue(_time.GetUtcNow().AddDays(8)));

        state.TakeDown(Published, Reviewer, "taken off the site: wrong");

        Assert.Equal(string.Empty, state.PublishedHash);
        Assert.Null(state.TakeDownAt);
        Assert.Equal(Refusal.NoTakeDownDate, state.CancelTakeDown());
        Assert.Equal(new Published("neck", null), state.Events[^1]);
    }

    [Fact]
    public void A_take_down_date_that_comes_takes_the_article_off_as_the_reviewer_who_set_it_and_not_before()
    {
        var state = OnSite();
        Assert.Equal(Refusal.NoTakeDownDate, state.TakeDownAsScheduled(Published, _time.GetUtcNow()));
        state.TakeDownAtTime(_time.GetUtcNow().AddDays(7), "seasonal", Reviewer);

        Assert.Equal(Refusal.NotDue, state.TakeDownAsScheduled(Published, _time.GetUtcNow()));
        Assert.Null(state.TakeDownAsScheduled(Published, _time.GetUtcNow().AddDays(8)));

        var revision = Assert.Single(Store(state));
        Assert.Equal((RevisionKind.Unpublished, Reviewer, "taken off the site as scheduled: seasonal"), (revision.Kind, revision.Author, revision.Note));
        Assert.Equal(string.Empty, state.PublishedHash);
        Assert.Null(state.TakeDownAt);
        var takenDown = Assert.Single(state.Events.OfType<TakenDown>());
        Assert.Equal(("seasonal", Reviewer), (takenDown.Reason, takenDown.ScheduledBy));
        Assert.Equal(new Published("neck", null), state.Events[^1]);
    }

    [Fact]
    public void A_failed_schedule_keeps_its_reason_short_and_stops_it_being_due()
    {
        var state = OnSite();
        state.Send(Changed, ArticleFile.ContentHash(Published), Author, null);
        var sent = Assert.Single(Store(state));
        state.ApproveAt(sent, Changed, _time.GetUtcNow(), Reviewer, "now-ish");
        Store(state);

        Assert.Null(state.FailSchedule(new string('x', 2000)));

        Assert.Equal(1000, state.ScheduleProblem!.Length);
        Assert.False(state.PublishDue(_time.GetUtcNow().AddDays(1)));
    }

    [Fact]
    public void Discarding_a_draft_ends_the_change_keeps_the_published_text_and_points_at_what_it_dropped()
    {
        var state = OnSite();
        state.Save(Changed, ArticleFile.ContentHash(Published), Author, null);
        var draft = Assert.Single(Store(state));

        Assert.Null(state.Discard(Author));
        var discarded = Assert.Single(Store(state));

        Assert.Equal((ChangeState.None, (long?)null, ArticleFile.ContentHash(Published)), (state.Status, state.DraftRevisionId, state.PublishedHash));
        Assert.Equal((RevisionKind.Discarded, draft.Id, Author), (discarded.Kind, discarded.Subject, discarded.Author));
        Assert.DoesNotContain(state.Events, e => e is Published);
        Assert.Equal(draft.Id, Assert.IsType<DraftDiscarded>(state.Events[^1]).DiscardedId);
    }

    [Fact]
    public void Discarding_is_refused_with_nothing_in_progress_or_a_change_waiting_and_changes_nothing()
    {
        var state = OnSite();
        Assert.Equal(Refusal.NothingToDiscard, state.Discard(Author));

        state.Send(Changed, ArticleFile.ContentHash(Published), Author, null);
        Store(state);
        var before = state.Snapshot();

        Assert.Equal(Refusal.ChangeWaiting, state.Discard(Reviewer));
        Assert.Equal(before, state.Snapshot());
        Assert.Single(state.NewRevisions);
    }

    [Fact]
    public void A_returned_change_can_be_discarded()
    {
        var state = OnSite();
        state.Send(Changed, ArticleFile.ContentHash(Published), Author, null);
        var sent = Assert.Single(Store(state));
        state.Return(sent, Reviewer, "not yet");
        Store(state);

        Assert.Null(state.Discard(Author));
        Assert.Equal(ChangeState.None, state.Status);
    }

    [Fact]
    public void States_and_revision_kinds_are_stored_as_the_schemas_text_values_and_read_back()
    {
        Assert.Equal(["none", "draft", "waiting", "returned"], Enum.GetValues<ChangeState>().Select(ChangeStates.Text));
        Assert.Equal(["saved", "submitted", "returned", "approved", "unpublished", "outside-edit", "confirmed", "rolled-back", "scheduled", "schedule-cancelled", "discarded"],
            Enum.GetValues<RevisionKind>().Select(RevisionKinds.Text));
        Assert.All(Enum.GetValues<ChangeState>(), s => Assert.Equal(s, ChangeStates.Parse(ChangeStates.Text(s))));
        Assert.All(Enum.GetValues<RevisionKind>(), k => Assert.Equal(k, RevisionKinds.Parse(RevisionKinds.Text(k))));
        Assert.Throws<FormatException>(() => ChangeStates.Parse("Waiting"));
    }

    [Fact]
    public void Replaying_any_history_of_legal_steps_gives_the_state_the_steps_left()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var state = OnSite();
            var history = new List<Revision>();
            for (var step = 0; step < 25; step++)
            {
                TryStep(state, random, history);
                history.AddRange(Store(state));
                _time.Advance(TimeSpan.FromMinutes(random.Next(1, 120)));
            }

            var replayed = EditorialState.Replay("neck", history, _time, ArticleFile.ContentHash(Published));

            Assert.Equal(Recorded(state), Recorded(replayed));
        }
    }

    [Fact]
    public void Replaying_a_history_records_nothing_new()
    {
        var state = OnSite();
        state.Send(Changed, ArticleFile.ContentHash(Published), Author, null);
        var history = Store(state);

        var replayed = EditorialState.Replay("neck", history, _time);

        Assert.Empty(replayed.NewRevisions);
        Assert.Empty(replayed.Events);
        Assert.Equal(ChangeState.Waiting, replayed.Status);
    }

    /// <summary>One step chosen at random among those the state might allow; a refused one records nothing.</summary>
    private void TryStep(EditorialState state, Random random, List<Revision> history)
    {
        Revision? Find(long? id) => history.FirstOrDefault(r => r.Id == id);
        var text = $"---\ntitle: Neck\n---\n\nWords {random.Next(5)}.\n";
        var someone = random.Next(2) == 0 ? Author : Reviewer;
        switch (random.Next(12))
        {
            case 0: state.Save(text, state.PublishedHash, someone, "a note"); break;
            case 1: state.Send(text, state.PublishedHash, someone, null, "what changed"); break;
            case 2 when Find(state.DraftRevisionId) is { } waiting: state.Return(waiting, Reviewer, "needs work"); break;
            case 3 when Find(state.DraftRevisionId) is { } waiting: state.ApproveNow(waiting, waiting.Text + "signed", Reviewer, "approved"); break;
            case 4 when Find(state.DraftRevisionId) is { } waiting: state.ApproveAt(waiting, waiting.Text + "signed", _time.GetUtcNow(), Reviewer, "later"); break;
            case 5 when Find(state.ScheduledRevisionId) is { } scheduled: state.CancelSchedule(scheduled, Reviewer); break;
            case 6 when Find(state.ScheduledRevisionId) is { } scheduled: state.PublishScheduled(scheduled, _time.GetUtcNow()); break;
            case 7: state.Confirm(text, text + "confirmed", Reviewer); break;
            case 8 when history.Count > 0: state.RollBack(history[random.Next(history.Count)], state.PublishedHash, Reviewer); break;
            case 9 when history.Count > 0: state.Restore(history[random.Next(history.Count)], text, state.PublishedHash, someone); break;
            case 10: _ = random.Next(3) switch
            {
                0 => state.TakeDown(text, Reviewer, "taken off the site: old"),
                1 => state.RecordOutsideEdit(text, "changed in the content folder, not through the staff area"),
                _ => state.RecordOutsideDeletion(text, "deleted from the content folder, not through the staff area"),
            };
                break;
            case 11: state.Discard(someone); break;
        }
    }

    /// <summary>What a revision records of a state: everything but the times and dates no revision holds.</summary>
    private static (ChangeState, long?, string, string, long?) Recorded(EditorialState state) =>
        (state.Status, state.DraftRevisionId, state.DraftBaseHash, state.PublishedHash, state.ScheduledRevisionId);

    private EditorialState OnSite() => new("neck", _time, ArticleFile.ContentHash(Published));

    /// <summary>Stores the new revisions as a database would, numbering them, and gives them back as stored.</summary>
    private List<Revision> Store(EditorialState state)
    {
        var stored = new List<Revision>();
        foreach (var revision in state.NewRevisions.Where(r => r.Id == 0).ToList())
        {
            stored.Add(state.Stored(revision, _nextId++));
        }

        return stored;
    }

    private sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
