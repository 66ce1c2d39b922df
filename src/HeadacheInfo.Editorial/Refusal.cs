namespace HeadacheInfo.Editorial;

/// <summary>Why the editorial rules or the article's state refuse an action: a code; the words staff read live in the web project.</summary>
public enum Refusal
{
    /// <summary>The action is a reviewer's, and the person is not one now.</summary>
    NotAReviewer,

    /// <summary>The person wrote part of the text (or uploaded a picture it first shows) they would sign off.</summary>
    WroteIt,

    /// <summary>A decision on a change that is not (or no longer) the one waiting for review.</summary>
    NotWaiting,

    /// <summary>A change is waiting for review, which must be decided first.</summary>
    ChangeWaiting,

    /// <summary>Another change to the article is already approved to go live later.</summary>
    AlreadyScheduled,

    /// <summary>No change to the article is approved to go live later (or not this one).</summary>
    NothingScheduled,

    /// <summary>The change approved for later is not due (its time has not come, or it could not go live).</summary>
    NotDue,

    /// <summary>No take-down date is set.</summary>
    NoTakeDownDate,

    /// <summary>Only a version approved before may be put back at once.</summary>
    NeverApproved,

    /// <summary>The version is the one on the site now.</summary>
    AlreadyLive,

    /// <summary>The action is the change's writers' or a reviewer's, and the person is neither.</summary>
    NotAWriter,

    /// <summary>No draft or returned change is in progress, so there is nothing to discard.</summary>
    NothingToDiscard,
}
