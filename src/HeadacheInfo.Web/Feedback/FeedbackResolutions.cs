namespace HeadacheInfo.Web.Feedback;

/// <summary>How a reader's "No" comment was closed.</summary>
public static class FeedbackResolutions
{
    public const string DealtWith = "dealt-with";
    public const string NoChangeNeeded = "no-change-needed";

    public static string Describe(string? resolution) => resolution switch
    {
        DealtWith => "Dealt with",
        NoChangeNeeded => "No change needed",
        _ => "Open",
    };
}
