namespace HeadacheInfo.Editorial.Tests;

public sealed class EditorialRulesTests
{
    private static readonly EditorialActor Reviewer = new("reviewer@clinic.example", IsReviewer: true);
    private static readonly EditorialActor Author = new("author@clinic.example", IsReviewer: false);

    [Theory]
    [InlineData(EditorialAction.Decide)]
    [InlineData(EditorialAction.Confirm)]
    [InlineData(EditorialAction.TakeDown)]
    [InlineData(EditorialAction.ScheduleTakeDown)]
    [InlineData(EditorialAction.CancelSchedule)]
    [InlineData(EditorialAction.RollBack)]
    [InlineData(EditorialAction.SignOffCheck)]
    public void Only_a_reviewer_may_take_any_editorial_decision(EditorialAction action)
    {
        Assert.Equal(Refusal.NotAReviewer, EditorialRules.Check(action, Author));
        Assert.Null(EditorialRules.Check(action, Reviewer));
    }

    [Theory]
    [InlineData(EditorialAction.Decide)]
    [InlineData(EditorialAction.Confirm)]
    public void No_one_who_wrote_any_part_of_a_text_may_sign_it_off_whatever_the_case_of_their_address(EditorialAction action)
    {
        Assert.Equal(Refusal.WroteIt, EditorialRules.Check(action, Reviewer, ["someone@clinic.example", "Reviewer@Clinic.Example"]));
        Assert.Null(EditorialRules.Check(action, Reviewer, ["someone@clinic.example"]));
    }

    [Fact]
    public void A_picture_uploader_counted_among_the_writers_may_not_approve_the_change_that_first_shows_it()
    {
        // The workflow counts whoever uploaded a picture a change first puts on the site among its writers.
        IReadOnlyCollection<string> writersAndUploaders = ["author@clinic.example", "reviewer@clinic.example"];

        Assert.False(EditorialRules.Allows(EditorialAction.Decide, Reviewer, writersAndUploaders));
    }

    [Theory]
    [InlineData(EditorialAction.TakeDown)]
    [InlineData(EditorialAction.RollBack)]
    [InlineData(EditorialAction.CancelSchedule)]
    public void Taking_down_rolling_back_and_cancelling_sign_nothing_new_off_so_a_writer_may_do_them(EditorialAction action) =>
        Assert.True(EditorialRules.Allows(action, Reviewer, [Reviewer.Email]));

    [Theory]
    [InlineData(ChangeState.None)]
    [InlineData(ChangeState.Draft)]
    [InlineData(ChangeState.Returned)]
    public void A_decision_is_taken_only_on_a_change_waiting_for_review_and_that_it_moved_on_is_said_before_who_wrote_it(ChangeState state)
    {
        Assert.Equal(Refusal.NotWaiting, EditorialRules.Check(EditorialAction.Decide, Reviewer, [Reviewer.Email], state));
        Assert.Null(EditorialRules.Check(EditorialAction.Decide, Reviewer, [], ChangeState.Waiting));
        Assert.Equal(Refusal.NotAReviewer, EditorialRules.Check(EditorialAction.Decide, Author, [], state));
    }

    [Fact]
    public void A_published_text_is_confirmed_only_while_no_change_waits_and_never_by_its_writer()
    {
        Assert.Equal(Refusal.ChangeWaiting, EditorialRules.Check(EditorialAction.Confirm, Reviewer, [], ChangeState.Waiting));
        Assert.Equal(Refusal.WroteIt, EditorialRules.Check(EditorialAction.Confirm, Reviewer, [Reviewer.Email], ChangeState.Waiting));
        Assert.True(EditorialRules.Allows(EditorialAction.Confirm, Reviewer, [], ChangeState.Draft));
    }

    [Fact]
    public void A_draft_may_be_discarded_by_its_writers_or_a_reviewer_and_never_while_it_waits_for_review()
    {
        var stranger = new EditorialActor("someone@clinic.example", IsReviewer: false);
        IReadOnlyCollection<string> writers = ["Author@Clinic.Example"];

        Assert.Null(EditorialRules.Check(EditorialAction.Discard, Author, writers, ChangeState.Draft));
        Assert.Null(EditorialRules.Check(EditorialAction.Discard, Reviewer, writers, ChangeState.Returned));
        Assert.Equal(Refusal.NotAWriter, EditorialRules.Check(EditorialAction.Discard, stranger, writers, ChangeState.Draft));
        Assert.Equal(Refusal.ChangeWaiting, EditorialRules.Check(EditorialAction.Discard, Author, writers, ChangeState.Waiting));
        Assert.Equal(Refusal.NothingToDiscard, EditorialRules.Check(EditorialAction.Discard, Reviewer, writers, ChangeState.None));
    }
}
