using System.Collections.Frozen;
using System.Collections.Immutable;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>
/// Every question on the symptom check, in the order the form asks them: who the check is for, then the
/// warning signs, then what the headaches are like. A label is also how the articles name the sign, word for
/// word, in a care card of the sign's tier (a test holds them to it).
/// </summary>
public static class SignCatalog
{
    public static ImmutableArray<Sign> All { get; } =
    [
        // About you: asked first, because the check is for people aged 16 and over.
        new("under-16", SignGroup.AboutYou,
            "The person with the headache is under 16",
            "the person with the headache is under 16"),
        new("new-over-50", SignGroup.AboutYou,
            "You are 50 or over, and this kind of headache is new for you",
            "you are 50 or over and this kind of headache is new for you"),

        // Emergency signs
        new("thunderclap", SignGroup.Emergency,
            "A sudden, very bad headache that was at its worst within 5 minutes",
            "your headache came on suddenly and was at its worst within 5 minutes",
            "Some people say it felt like being hit on the head."),
        new("neuro-deficit", SignGroup.Emergency,
            "New weakness, numbness or tingling in your face, an arm or a leg, a drooping face, or slurred or muddled speech",
            "you have new weakness, numbness, a drooping face or trouble speaking"),
        new("vision-loss", SignGroup.Emergency,
            "Sudden loss of sight in one or both eyes",
            "you have suddenly lost sight in one or both eyes"),
        new("confusion", SignGroup.Emergency,
            "Confusion, drowsiness, memory loss, fainting or a fit",
            "you have confusion, drowsiness, memory loss, fainting or a fit"),
        new("fever-stiff-neck", SignGroup.Emergency,
            "A high temperature with a stiff neck, or a rash that does not fade when you press a glass on it",
            "you have a high temperature with a stiff neck, or a rash that does not fade under a glass"),
        new("head-injury", SignGroup.Emergency,
            "The headache started after a serious injury to your head",
            "your headache started after a serious head injury"),
        new("artery-signs", SignGroup.Emergency,
            "With the neck pain or headache: sudden or new dizziness, double vision, trouble swallowing or speaking, unsteady walking, or a drooping eyelid",
            "your neck pain or headache comes with sudden or new dizziness, double vision, trouble swallowing or speaking, unsteady walking or a drooping eyelid",
            "This matters most after a neck injury or after your neck has been manipulated. Mild dizziness you have had before with your neck headaches is not this sign."),
        new("red-eye", SignGroup.Emergency,
            "A painful red eye with the headache, often with blurred vision or rings (haloes) around lights",
            "you have a painful red eye with your headache",
            "This is different from bouts of pain around one eye with a watering eye, which is asked about further down."),

        // Urgent signs
        new("jaw-scalp", SignGroup.Urgent,
            "Pain in your jaw when you chew, or your scalp or temples are tender to touch (for example when you brush your hair)",
            "you have jaw pain when chewing, or your scalp or temples are tender to touch"),
        new("blurred-vision", SignGroup.Urgent,
            "Blurred vision that comes and goes",
            "you have blurred vision that comes and goes"),
        new("cough-strain", SignGroup.Urgent,
            "The headache comes on when you cough, sneeze, strain or exercise",
            "your headache is brought on by coughing, sneezing, straining or exercise"),
        new("positional", SignGroup.Urgent,
            "It is much worse when you lie down or when you stand up, or it wakes you up and you are sick",
            "your headache is much worse lying down or standing up, or wakes you with vomiting"),
        new("vomiting", SignGroup.Urgent,
            "You keep being sick and there is no other reason",
            "you keep being sick with no other cause"),
        new("cancer-immune", SignGroup.Urgent,
            "This headache is new, and you have had cancer or have a weak immune system",
            "this is a new headache and you have had cancer or have a weak immune system",
            "For example HIV, chemotherapy, or taking steroid tablets for a long time."),
        new("pregnant", SignGroup.Urgent,
            "You are pregnant, or you had a baby in the last 6 weeks",
            "you are pregnant or had a baby in the last 6 weeks",
            ResultNote: "Contact your midwife or maternity unit today as well."),
        new("getting-worse", SignGroup.Urgent,
            "The headache is getting steadily worse over days or weeks",
            "your headache is getting steadily worse over days or weeks"),
        new("recent-injury", SignGroup.Urgent,
            "It started within 3 months after an injury to your head or neck, such as whiplash",
            "your headache started within 3 months of a head or neck injury"),
        new("neck-manipulation", SignGroup.Urgent,
            "It started within a few days of your neck being manipulated, or of a sudden jolt or twist of your neck (for example a fall, a sports injury or a fairground ride), or it is a sudden, unusual pain on one side of your neck unlike any you have had",
            "your neck pain or headache started soon after your neck was manipulated or jolted, or is a sudden, unusual pain on one side of your neck",
            "Very rarely an artery in the neck tears, with or without an injury. At first this can feel like neck pain and headache alone."),
        new("fever-unwell", SignGroup.Urgent,
            "A high temperature, or feeling very unwell",
            "you have a high temperature or feel very unwell"),
        new("weight-loss", SignGroup.Urgent,
            "You are losing weight without trying",
            "you are losing weight without trying"),

        // Neck pattern
        new("one-side", SignGroup.NeckPattern,
            "It is mostly on one side of your head, and always the same side",
            "your headache is on one side, always the same side"),
        new("starts-in-neck", SignGroup.NeckPattern,
            "It starts in your neck or the back of your head and spreads forward",
            "your headache starts in your neck or the back of your head"),
        new("neck-movement", SignGroup.NeckPattern,
            "Moving your neck, or holding your head in one position, brings it on",
            "moving your neck or holding one position brings it on",
            "For example, working at a screen or driving."),
        new("neck-stiff", SignGroup.NeckPattern,
            "Your neck feels stiff, or does not turn as far as it did",
            "your neck is stiff or does not turn as far as it did"),
        new("neck-pressure", SignGroup.NeckPattern,
            "Pressing at the top of your neck or the base of your skull brings on your usual headache",
            "pressing at the top of your neck brings on your usual headache"),
        new("shoulder-arm", SignGroup.NeckPattern,
            "You also ache in your neck, shoulder or arm on the same side",
            "you ache in your neck, shoulder or arm on the same side"),
        new("dull", SignGroup.NeckPattern,
            "The pain is a dull, steady ache rather than throbbing",
            "the pain is a dull, steady ache"),

        // Other patterns
        new("pattern-change", SignGroup.OtherPattern,
            "Your headaches have changed: they feel different from your usual headaches, or come much more often than before",
            "your headaches have changed from your usual ones, or come much more often"),
        new("throbbing", SignGroup.OtherPattern,
            "The pain throbs or pulses",
            "your headache throbs or pulses"),
        new("nausea-light", SignGroup.OtherPattern,
            "You feel sick, or light and noise bother you, during the headache",
            "you feel sick, or light and noise bother you, during the headache"),
        new("aura", SignGroup.OtherPattern,
            "You see zigzag lines, flashing lights or spots before the headache",
            "you see zigzag lines, flashing lights or spots before the headache"),
        new("painkillers-often", SignGroup.OtherPattern,
            "You take painkillers for headache on 10 or more days a month",
            "you take painkillers for headache on 10 or more days a month"),
        new("eye-watering", SignGroup.OtherPattern,
            "Attacks of very bad pain around one eye that come and go in bouts, with a watering eye or a runny nose on that side",
            "you have attacks of very bad pain around one eye that come and go in bouts, with a watering eye or runny nose"),
    ];

    private static readonly FrozenDictionary<string, Sign> ById = All.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);

    public static Sign? Find(string id) => ById.GetValueOrDefault(id);

    public static IEnumerable<string> IdsIn(SignGroup group) => All.Where(s => s.Group == group).Select(s => s.Id);

    public static IEnumerable<IGrouping<SignGroup, Sign>> ByGroup() => All.GroupBy(s => s.Group);
}
