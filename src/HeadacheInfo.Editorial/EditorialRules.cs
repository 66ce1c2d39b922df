namespace HeadacheInfo.Editorial;

/// <summary>
/// Who may do what to an article: the one place the editorial rules live. Every decision on an article's text
/// (approve, return, confirm, take down, schedule, roll back), and the symptom check's sign-off, is a reviewer's, and four eyes see every text that
/// reaches patients: no one who wrote any part of it, or uploaded a picture it first puts on the site, may sign it
/// off. A decision is taken only on a change waiting for review, and a published text is confirmed only while no
/// change waits. The workflow asks before it acts and the pages ask before they show a button, so they cannot disagree.
/// </summary>
public static class EditorialRules
{
    /// <summary>Why <paramref name="actor"/> may not take <paramref name="action"/>, or null when they may.</summary>
    /// <param name="writers">
    /// Everyone who wrote the text the action signs off: the change in progress for <see cref="EditorialAction.Decide"/>,
    /// the published text for <see cref="EditorialAction.Confirm"/>; ignored for actions that sign nothing off.
    /// </param>
    /// <param name="state">The article's change in progress, when known: a decision needs one waiting, a confirmation none.</param>
    public static Refusal? Check(EditorialAction action, EditorialActor actor, IReadOnlyCollection<string>? writers = null, ChangeState? state = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (action == EditorialAction.Discard)
        {
            return Discarding(actor, writers, state);
        }

        if (!actor.IsReviewer)
        {
            return Refusal.NotAReviewer;
        }

        // A change no longer waiting has no writers left to judge: that it moved on is what the reviewer needs to hear.
        if (action == EditorialAction.Decide && state is { } deciding && deciding != ChangeState.Waiting)
        {
            return Refusal.NotWaiting;
        }

        var signsOff = action is EditorialAction.Decide or EditorialAction.Confirm;
        if (signsOff && writers is not null && writers.Contains(actor.Email, StringComparer.OrdinalIgnoreCase))
        {
            return Refusal.WroteIt;
        }

        return action == EditorialAction.Confirm && state == ChangeState.Waiting ? Refusal.ChangeWaiting : null;
    }

    /// <summary>
    /// A draft is thrown away by those who wrote it or by a reviewer, never one waiting for review: that is the
    /// reviewer's to decide, and its authors may take it back to a draft by saving it first.
    /// </summary>
    private static Refusal? Discarding(EditorialActor actor, IReadOnlyCollection<string>? writers, ChangeState? state)
    {
        if (!actor.IsReviewer && (writers is null || !writers.Contains(actor.Email, StringComparer.OrdinalIgnoreCase)))
        {
            return Refusal.NotAWriter;
        }

        return state switch
        {
            ChangeState.Waiting => Refusal.ChangeWaiting,
            ChangeState.None => Refusal.NothingToDiscard,
            _ => null,
        };
    }

    /// <summary>Whether <paramref name="actor"/> may take <paramref name="action"/>: what a page asks before it shows the button.</summary>
    public static bool Allows(EditorialAction action, EditorialActor actor, IReadOnlyCollection<string>? writers = null, ChangeState? state = null) =>
        Check(action, actor, writers, state) is null;
}
