using System.Collections.Immutable;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>
/// The symptom check's rules, in one place for a clinician to read. They are tried in order and the first
/// that applies decides, so the most urgent come first: a warning sign always outranks a neck pattern.
/// The how-it-works page is generated from this list.
/// </summary>
public static class TriageRules
{
    public static readonly ImmutableArray<string> NeckKeySigns = ["starts-in-neck", "neck-movement", "neck-pressure"];

    private const string PatternChange = "pattern-change";
    private const string NewMedicine = "new-medicine";

    public static ImmutableArray<TriageRule> All { get; } =
    [
        new("emergency-sign", TriageOutcome.Emergency,
            new AnyOf([.. SignCatalog.IdsIn(SignGroup.Emergency)]),
            "These can be signs of a problem in the brain, its blood vessels or its lining, or of an eye or artery emergency. They need to be checked straight away.",
            "NICE CG150 recommendation 1.1.1; SNNOOP10 (Do et al., Neurology 2019); NHS headaches page (emergency advice); IFOMPT cervical framework (artery signs)"),

        new("fever-and-stiff-neck", TriageOutcome.Emergency,
            new AllOf(["fever", "neck-stiff"]),
            "A high temperature together with a stiff neck can be a sign of meningitis, which needs emergency care.",
            "NICE CG150 recommendation 1.1.1 (worsening headache with fever); NHS headaches page (very high temperature with a stiff neck); NHS meningitis page"),

        new("under-16", TriageOutcome.Urgent,
            new AnyOf(["under-16"]),
            "This check is for people aged 16 and over. For a child, get advice today from a GP or {{urgent-advice-name}}.",
            "NICE CG150 (scope: young people aged 12 and over and adults; children's headaches are assessed differently); a deliberately cautious line at 16"),

        new("urgent-sign", TriageOutcome.Urgent,
            new AnyOf([.. SignCatalog.IdsIn(SignGroup.Urgent)]),
            "These signs are not usually an emergency, but a doctor should check them today to rule out a cause that needs treatment.",
            "NICE CG150 recommendations 1.1.1 (including recent head trauma, typically within 3 months; change in personality; symptoms suggestive of giant cell arteritis) and 1.1.2; SNNOOP10 (Do et al., Neurology 2019); NHS headaches page (urgent GP appointment or urgent advice line; numbness or weakness in the arms or legs); giant cell arteritis guidance (BSR guideline, Mackie et al., Rheumatology 2020: rare under 50, so asked from 50); IFOMPT cervical framework (Rushton et al., JOSPT 2023: new, unusual neck pain or headache after neck trauma or manipulation)"),

        new("headaches-changed", TriageOutcome.Gp,
            new AnyOf([PatternChange]),
            "When your usual headaches change, or come much more often, a GP should check what has changed before anything else.",
            "NICE CG150 recommendation 1.1.1 (substantial change in the characteristics of the headache); SNNOOP10 (pattern change; Do et al., Neurology 2019)"),

        new("new-medicine", TriageOutcome.Gp,
            new AnyOf([NewMedicine]),
            "Some medicines can cause headaches. A GP or pharmacist can check whether yours could be the cause. Do not stop a medicine you were prescribed without advice.",
            "SNNOOP10 (painkiller overuse or new drug at onset; Do et al., Neurology 2019); ICHD-3 8.1 (headache attributed to use of a substance)"),

        new("other-headache-pattern", TriageOutcome.Gp,
            new AnyOf([.. SignCatalog.IdsIn(SignGroup.OtherPattern).Where(id => id is not (PatternChange or NewMedicine))]),
            "These point to another kind of headache, such as migraine, cluster headache or headache from taking painkillers often. A GP can diagnose and treat these.",
            "ICHD-3 (migraine 1, cluster headache 3.1, medication-overuse headache 8.2); NHS headaches page (see a GP)"),

        new("new-headache-over-50", TriageOutcome.Gp,
            new AnyOf(["new-over-50"]),
            "A new kind of headache that starts at 50 or over should be checked by a doctor before anything else.",
            "SNNOOP10 (older age at onset; Do et al., Neurology 2019)"),

        new("neck-pattern", TriageOutcome.Physio,
            new AtLeast(2, [.. SignCatalog.IdsIn(SignGroup.NeckPattern)], NeckKeySigns),
            "Your answers fit the pattern of a headache coming from the neck. A physiotherapist can check your neck and treat it.",
            "Cervicogenic Headache International Study Group criteria (Sjaastad et al., Headache 1998); ICHD-3 11.2.1 cervicogenic headache"),

        new("not-enough-to-point-at-the-neck", TriageOutcome.Gp,
            new Otherwise(),
            "Your answers do not point clearly to the neck. A GP is the best person to start with.",
            "NICE CG150 (assessment of headache in primary care)"),
    ];
}
