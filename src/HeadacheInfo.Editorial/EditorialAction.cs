namespace HeadacheInfo.Editorial;

/// <summary>What a member of staff asks to do to an article that the editorial rules decide on.</summary>
public enum EditorialAction
{
    /// <summary>Approve (now or at a time) or return a change waiting for review.</summary>
    Decide,

    /// <summary>Confirm the published text still accurate: a sign-off of that text.</summary>
    Confirm,

    /// <summary>Take the article off the site now.</summary>
    TakeDown,

    /// <summary>Set or change when the article comes off the site.</summary>
    ScheduleTakeDown,

    /// <summary>Cancel a change approved to go live later.</summary>
    CancelSchedule,

    /// <summary>Put back a version approved before, at once.</summary>
    RollBack,

    /// <summary>Sign off the symptom check: its questions, answers and hazard log, which no member of staff writes.</summary>
    SignOffCheck,

    /// <summary>Drop the draft or returned change in progress; the published text stays. Its writers' or any reviewer's.</summary>
    Discard,
}
