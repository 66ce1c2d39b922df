namespace HeadacheInfo.Web.RateLimits;

/// <summary>
/// One limit on the forms a client address may send (reading a page is never limited): its settings section, its
/// defaults, and what the friendly 429 page tells the person who reached it. Pages take one with
/// <c>[EnableRateLimiting(RateLimitPolicy.X)]</c>.
/// </summary>
public sealed record RateLimitPolicy(string Name, string Section, int PermitLimit, int WindowSeconds, string Explanation)
{
    public const string SymptomCheck = "symptom-check";
    public const string SignIn = "sign-in";
    public const string Feedback = "feedback";

    public static IReadOnlyList<RateLimitPolicy> All { get; } =
    [
        new(SymptomCheck, "RateLimiting:SymptomCheck", 30, 60,
            "You have sent a lot of answers in a short time. Please wait a minute, then try again."),
        new(SignIn, "RateLimiting:SignIn", 10, 60,
            "There have been a lot of sign-in attempts from your connection in a short time. Please wait a minute, then try again."),
        new(Feedback, "RateLimiting:Feedback", 10, 60,
            "We have had a lot of answers from you in a short time. Please wait a minute, then try again."),
    ];

    public static RateLimitPolicy? Named(string? name) => All.FirstOrDefault(p => p.Name == name);
}
