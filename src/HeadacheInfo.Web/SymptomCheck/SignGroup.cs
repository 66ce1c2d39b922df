namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>A set of questions shown together in one fieldset, in the order the form shows them.</summary>
public sealed record SignGroup(string Key, string Legend, string Hint)
{
    public static readonly SignGroup Emergency = new(
        "emergency", "Warning signs that need help straight away", "Tick any you have now, or have had with this headache.");

    public static readonly SignGroup Urgent = new(
        "urgent", "Signs that need a doctor's advice today", "Tick any that are true for you.");

    public static readonly SignGroup AboutYou = new(
        "about-you", "About the person with the headache", "Tick any that are true.");

    public static readonly SignGroup NeckPattern = new(
        "neck", "What your headaches are like", "Tick all that describe your usual headaches.");

    public static readonly SignGroup OtherPattern = new(
        "other", "Other things you may notice", "Tick any that happen with your headaches.");
}
