namespace HeadacheInfo.Editorial;

/// <summary>The change in progress on an article, if any. Stored as <see cref="ChangeStates"/>' text.</summary>
public enum ChangeState
{
    /// <summary>No change is being written: the article is as published (or off the site).</summary>
    None,

    /// <summary>A draft is being written.</summary>
    Draft,

    /// <summary>A change was sent and waits for a reviewer's decision.</summary>
    Waiting,

    /// <summary>A reviewer sent the change back to its authors with a comment.</summary>
    Returned,
}

/// <summary>The text each <see cref="ChangeState"/> is stored as: the schema's values, which never change.</summary>
public static class ChangeStates
{
    public const string None = "none";
    public const string Draft = "draft";
    public const string Waiting = "waiting";
    public const string Returned = "returned";

    public static string Text(ChangeState state) => state switch
    {
        ChangeState.None => None,
        ChangeState.Draft => Draft,
        ChangeState.Waiting => Waiting,
        ChangeState.Returned => Returned,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a change state"),
    };

    /// <summary>The state a stored text stands for.</summary>
    /// <exception cref="FormatException">The text is none of the stored values.</exception>
    public static ChangeState Parse(string text) => text switch
    {
        None => ChangeState.None,
        Draft => ChangeState.Draft,
        Waiting => ChangeState.Waiting,
        Returned => ChangeState.Returned,
        _ => throw new FormatException($"'{text}' is not a stored change state"),
    };
}
