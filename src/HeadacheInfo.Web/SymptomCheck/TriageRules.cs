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

    /// <summary>With a high temperature, any of these can be early meningitis or sepsis, before a stiff neck or a rash.</summary>
    public static readonly ImmutableArray<string> FeverEmergencyCompanions = ["very-unwell", "vomiting", "nausea-light"];

    /// <summary>Signs of a possible artery tear in the neck: the person must be seen in person today, with no more neck manipulation.</summary>
    public static readonly ImmutableArray<string> SeenInPersonToday = ["neck-manipulation", "sudden-neck-pain"];

    /// <summary>Stroke signs: call the emergency number; never go to A&amp;E by yourself (NHS stroke advice, FAST).</summary>
    public static readonly ImmutableArray<string> CallOnly = ["neuro-deficit", "vision-loss"];

    /// <summary>Mild sickness, or light and noise sensitivity, which can be part of a neck headache (Sjaastad et al. 1998).</summary>
    public const string MildSickness = "nausea-light";

    public const string NewOver50 = "new-over-50";

    /// <summary>Signs after which a doctor checks the neck before any exercises or hands-on treatment (neck instability, spinal cord pressure).</summary>
    public static readonly ImmutableArray<string> DoctorChecksNeckFirst = ["neck-condition", "hands-walking"];

    private const string PatternChange = "pattern-change";
    private const string NewMedicine = "new-medicine";

    /// <summary>The signs of another kind of headache (migraine, cluster, painkiller overuse), mild sickness among them.</summary>
    private static readonly ImmutableArray<string> OtherHeadacheSigns =
        [.. SignCatalog.IdsIn(SignGroup.OtherPattern).Where(id => id is not (PatternChange or NewMedicine))];

    public static ImmutableArray<TriageRule> All { get; } =
    [
        new("emergency-sign", TriageOutcome.Emergency,
            new AnyOf([.. SignCatalog.IdsIn(SignGroup.Emergency)]),
            "These can be signs of a problem in the brain, its blood vessels or its lining, or of an eye or artery emergency. They need to be checked straight away.",
            "NICE CG150 recommendation 1.1.1; SNNOOP10 (Do et al., Neurology 2019); NHS headaches page (emergency advice); NHS stroke advice (FAST: call the emergency number); IFOMPT cervical framework (artery signs)"),

        new("fever-and-stiff-neck", TriageOutcome.Emergency,
            new AllOf(["fever", "neck-stiff"]),
            "A high temperature together with a stiff neck can be a sign of meningitis, which needs emergency care.",
            "NICE CG150 recommendation 1.1.1 (worsening headache with fever); NHS headaches page (very high temperature with a stiff neck); NHS meningitis page")
        {
            WatchPhrase = "A high temperature with a stiff neck",
        },

        new("fever-and-feeling-ill", TriageOutcome.Emergency,
            new AllOfConditions([new AnyOf(["fever"]), new AnyOf(FeverEmergencyCompanions)]),
            "A high temperature with being sick, light or noise bothering you, or feeling very unwell can be an early sign of meningitis or sepsis. Do not wait for a rash or a stiff neck.",
            "NHS meningitis page (call the emergency number if it could be meningitis or sepsis; do not wait for a rash); NICE CG150 recommendation 1.1.1 (worsening headache with fever); SNNOOP10 (systemic symptoms including fever; Do et al., Neurology 2019)")
        {
            WatchPhrase = "A high temperature with being sick, light or noise bothering you, or feeling very unwell",
        },

        new("under-16", TriageOutcome.Urgent,
            new AnyOf(["under-16"]),
            "This check is for people aged 16 and over. For a child, get advice today from a GP or {{urgent-advice-name}}.",
            "NICE CG150 (scope: young people aged 12 and over and adults; children's headaches are assessed differently); a deliberately cautious line at 16"),

        new("neck-manipulation-or-sudden-neck-pain", TriageOutcome.Urgent,
            new AnyOf(SeenInPersonToday),
            "Very rarely, an artery in the neck tears, after a jolt or a manipulation or on its own. At first this can feel like neck pain and headache alone, before any other sign. That is why you need to be seen in person today.",
            "IFOMPT cervical framework (Rushton et al., JOSPT 2023: recent neck trauma, including manipulation or a sudden jolt; a new, unusual neck pain or headache can be the first and only sign of a cervical artery dissection)")
        {
            // The tier stays urgent (outcome "urgent"); the heading says what the advice asks of the person.
            Heading = "Be seen in person today",
        },

        new("urgent-sign", TriageOutcome.Urgent,
            new AnyOf([.. SignCatalog.IdsIn(SignGroup.Urgent)]),
            "A doctor should check these signs today, to find or rule out a cause that needs treatment soon.",
            "NICE CG150 recommendations 1.1.1 (including recent head trauma, typically within 3 months; change in personality; symptoms suggestive of giant cell arteritis) and 1.1.2; SNNOOP10 (Do et al., Neurology 2019); NHS headaches page (urgent GP appointment or urgent advice line; numbness or weakness in the arms or legs); giant cell arteritis and polymyalgia guidance (BSR guideline, Mackie et al., Rheumatology 2020: from 50, jaw pain on chewing, scalp tenderness, shoulder or hip aching and stiffness, night sweats, weight loss; rare under 50, so asked from 50); blood thinners (warfarin, apixaban, rivaroxaban, edoxaban, dabigatran: a new headache can be bleeding inside the head); pressure on the spinal cord in the neck (cervical myelopathy: clumsy or numb hands, unsteady walking, getting worse over weeks or months)"),

        new("headaches-changed", TriageOutcome.Gp,
            new AnyOf([PatternChange]),
            "When your usual headaches change, or come much more often, a GP should check what has changed before anything else.",
            "NICE CG150 recommendation 1.1.1 (substantial change in the characteristics of the headache); SNNOOP10 (pattern change; Do et al., Neurology 2019)"),

        new("new-medicine", TriageOutcome.Gp,
            new AnyOf([NewMedicine]),
            "Some medicines can cause headaches. A GP or pharmacist can check whether yours could be the cause. Do not stop a medicine you were prescribed without advice.",
            "SNNOOP10 (painkiller overuse or new drug at onset; Do et al., Neurology 2019); ICHD-3 8.1 (headache attributed to use of a substance)"),

        new("new-headache-over-50", TriageOutcome.Gp,
            new AnyOf([NewOver50]),
            "A new kind of headache that starts at 50 or over should be checked by a doctor before anything else.",
            "Giant cell arteritis guidance (BSR guideline, Mackie et al., Rheumatology 2020: rare under 50) and SNOOP4 (new headache from 50); SNNOOP10 as published (Do et al., Neurology 2019) sets its age flag at onset after 65"),

        new("neck-condition", TriageOutcome.Gp,
            new AnyOf(["neck-condition"]),
            "Some conditions, and past neck surgery, can loosen the joints at the top of the neck. A doctor should check your neck before anything else, and before anyone treats your neck with their hands.",
            "IFOMPT cervical framework (Rushton et al., JOSPT 2023: upper-neck instability, such as with rheumatoid arthritis, ankylosing spondylitis, Down's syndrome, connective tissue conditions or neck surgery, checked before hands-on treatment)"),

        new("neck-pattern-with-mild-sickness", TriageOutcome.Physio,
            new AllOfConditions(
            [
                new AtLeast(3, [.. SignCatalog.IdsIn(SignGroup.NeckPattern)], NeckKeySigns),
                new AnyOf([MildSickness]),
                new NoneOf([.. OtherHeadacheSigns.Where(id => id != MildSickness)]),
            ]),
            "Your answers fit the pattern of a headache coming from the neck. Feeling a little sick, or being bothered by light or noise, can be part of it. A physiotherapist can check your neck and treat it.",
            "Cervicogenic Headache International Study Group criteria (Sjaastad et al., Headache 1998: occasional milder features include nausea and sensitivity to light and noise); ICHD-3 11.2.1 cervicogenic headache; the line of 3 neck signs is this site's own and has not been tested in a study"),

        new("other-headache-pattern", TriageOutcome.Gp,
            new AnyOf(OtherHeadacheSigns),
            "These point to another kind of headache, such as migraine, cluster headache or headache from taking painkillers often. A GP can diagnose and treat these.",
            "ICHD-3 (migraine 1, cluster headache 3.1, medication-overuse headache 8.2); NHS headaches page (see a GP)"),

        new("neck-pattern", TriageOutcome.Physio,
            new AtLeast(2, [.. SignCatalog.IdsIn(SignGroup.NeckPattern)], NeckKeySigns),
            "Your answers fit the pattern of a headache coming from the neck. A physiotherapist can check your neck and treat it.",
            "Cervicogenic Headache International Study Group criteria (Sjaastad et al., Headache 1998); ICHD-3 11.2.1 cervicogenic headache; the line of 2 of the 7 neck signs is this site's own and has not been tested in a study"),

        new("not-enough-to-point-at-the-neck", TriageOutcome.Gp,
            new Otherwise(),
            "Your answers do not point clearly to the neck. A GP is the best person to start with.",
            "NICE CG150 (assessment of headache in primary care)"),
    ];
}
