namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>The words staff read when the editorial rules (<see cref="EditorialRules"/>) refuse them: all in this one file.</summary>
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
        _ => "You cannot do that to this article.",
    };

    /// <summary>The refusal as a workflow result: 403 and these words.</summary>
    public static WorkflowResult Forbidden(Refusal refusal, EditorialAction action) => WorkflowResult.Forbidden(For(refusal, action));
}
