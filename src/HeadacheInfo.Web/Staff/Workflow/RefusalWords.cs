namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// The words staff read when the editorial rules (<see cref="EditorialRules"/>) or the article's state
/// (<see cref="EditorialState"/>) refuse them: all in this one file.
/// </summary>
public static class RefusalWords
{
    public static string For(Refusal refusal, EditorialAction action) => (refusal, action) switch
    {
        (Refusal.NotAReviewer, EditorialAction.Decide) => "Only a reviewer can approve or return a change.",
        (Refusal.NotAReviewer, EditorialAction.Confirm) => "Only a reviewer can confirm an article is still accurate.",
        (Refusal.NotAReviewer, EditorialAction.TakeDown) => "Only a reviewer can take an article off the site.",
        (Refusal.NotAReviewer, EditorialAction.ScheduleTakeDown) => "Only a reviewer can change when an article comes off the site.",
        (Refusal.NotAReviewer, EditorialAction.CancelSchedule) => "Only a reviewer can cancel a scheduled change.",
        (Refusal.NotAReviewer, EditorialAction.RollBack) => "Only a reviewer can put back an earlier version.",
        (Refusal.NotAReviewer, EditorialAction.SignOffCheck) => "Only a reviewer can sign off the symptom check.",
        (Refusal.WroteIt, EditorialAction.Confirm) => "You wrote the published version of this article, so another reviewer must confirm it.",
        (Refusal.WroteIt, _) => "You wrote part of this change, so another reviewer must decide on it.",
        (Refusal.ChangeWaiting, EditorialAction.Confirm) => "A change to this article is waiting for review. Review that change first.",
        (Refusal.ChangeWaiting, EditorialAction.Discard) => "This change is waiting for review, so it is the reviewer's to decide. Save it again to take it back to a draft first.",
        (Refusal.NotAReviewer, _) => "You cannot do that to this article.",
        _ => For(refusal),
    };

    /// <summary>The words for a refusal by the article's state alone, whoever asks (a restore, a save, the site itself).</summary>
    public static string For(Refusal refusal) => refusal switch
    {
        Refusal.NotWaiting => "This change is no longer waiting for review.",
        Refusal.ChangeWaiting => "A change to this article is waiting for review. Ask the reviewer to decide on it first, or open the editor to take it back.",
        Refusal.AlreadyScheduled => "Another change to this article is already approved to go live later. " +
            "Cancel that one on the article's history page first, or publish this one now.",
        Refusal.NothingScheduled => "No change to this article is scheduled: it may have gone live or been cancelled already.",
        Refusal.NotDue => "This is no longer due.",
        Refusal.NoTakeDownDate => "No take-down date is set for this article: it may have come off already, or been cancelled.",
        Refusal.NeverApproved => "Only a version that was approved before can be put back at once. Restore it as a draft and send it for review instead.",
        Refusal.NotAWriter => "Only the people who wrote this draft, or a reviewer, can discard it.",
        Refusal.NothingToDiscard => "There is no draft of this article to discard: it may have been discarded, sent or approved already.",
        Refusal.AlreadyLive => "That version is the one on the site now, so there is nothing to put back.",
        _ => "You cannot do that to this article.",
    };

    /// <summary>The refusal as a workflow result: 403 and these words.</summary>
    public static WorkflowResult Forbidden(Refusal refusal, EditorialAction action) => WorkflowResult.Forbidden(For(refusal, action));
}
