namespace HeadacheInfo.Web.RateLimits;

/// <summary>
/// One limit on what a client address may send: its settings section, its defaults, and what the friendly 429
/// page tells the person who reached it. Forms are counted; reading a page is not, except where
/// <paramref name="CountsReads"/> says each read costs enough to count (a search). Pages take one with
/// <c>[EnableRateLimiting(RateLimitPolicy.X)]</c>.
/// </summary>
public sealed record RateLimitPolicy(string Name, string Section, int PermitLimit, int WindowSeconds, string Explanation, bool CountsReads = false)
{
    public const string SymptomCheck = "symptom-check";
    public const string SignIn = "sign-in";
    public const string Feedback = "feedback";
    public const string Search = "search";

    public static IReadOnlyList<RateLimitPolicy> All { get; } =
    [
        new(SymptomCheck, "RateLimiting:SymptomCheck", 30, 60,
            "You have sent a lot of answers in a short time. Please wait a minute, then try again."),
        new(SignIn, "RateLimiting:SignIn", 10, 60,
            "There have been a lot of sign-in attempts from your connection in a short time. Please wait a minute, then try again."),
        new(Feedback, "RateLimiting:Feedback", 10, 60,
            "We have had a lot of answers from you in a short time. Please wait a minute, then try again."),
        new(Search, "RateLimiting:Search", 60, 60,
            "You have searched a lot in a short time. Please wait a minute, then search again.", CountsReads: true),
    ];

    public static RateLimitPolicy? Named(string? name) => All.FirstOrDefault(p => p.Name == name);
}
