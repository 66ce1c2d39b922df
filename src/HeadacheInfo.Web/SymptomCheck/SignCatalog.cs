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
    /// <summary>Named, as an article can say it suits a result with this sign ticked (<see cref="ResultSituation.PainkillersOften"/>).</summary>
    public const string PainkillersOften = "painkillers-often";

    /// <summary>
    /// The artery signs, listed: one long sentence is hard to take in on a phone while in pain. Declared
    /// before <see cref="All"/>, which reads it.
    /// </summary>
    private static readonly SignList ArterySigns = new("With the neck pain or headache:",
    [
        "sudden or new dizziness",
        "double vision",
        "trouble swallowing or speaking",
        "unsteady walking",
        "sudden falls without fainting",
        "a drooping eyelid that does not go away",
        "a new whooshing or pulsing noise in one ear",
    ]);

    /// <summary>Why a stroke sign means calling, not going to A&amp;E by yourself (NHS stroke advice, FAST).</summary>
    private const string StrokeNote = "These can be signs of a stroke.";

    public static ImmutableArray<Sign> All { get; } =
    [
        // About you: asked first, because the check is for people aged 16 and over.
        new("under-16", SignGroup.AboutYou,
            "The person with the headache is under 16",
            "the person with the headache is under 16"),
        new("new-over-50", SignGroup.AboutYou,
            "You are 50 or over, and this kind of headache is new for you",
            "you are 50 or over and this kind of headache is new for you",
            ResultNote: "Rarely, a new headache from 50 comes from swollen blood vessels in the head (giant cell arteritis), which can harm your sight within days."),
        new("neck-condition", SignGroup.AboutYou,
            "You have a new neck pain or headache, and you have rheumatoid arthritis, ankylosing spondylitis, Down's syndrome, a condition that makes your joints very loose (such as Ehlers-Danlos syndrome), or you have had neck surgery",
            "you have a new neck pain or headache, and a condition or past neck surgery that can affect the top of your neck",
            "These can loosen the joints at the top of the neck.",
            ResultNote: "Before anyone treats your neck with their hands, a doctor should check that the top of your neck is stable."),

        // Emergency signs
        new("thunderclap", SignGroup.Emergency,
            "A sudden, very bad headache that was at its worst within 5 minutes",
            "your headache came on suddenly and was at its worst within 5 minutes",
            "Some people say it felt like being hit on the head."),
        new("neuro-deficit", SignGroup.Emergency,
            "Sudden weakness or numbness on one side of your face or body, a drooping face, or slurred or muddled speech",
            "you have sudden weakness or numbness on one side, a drooping face, or slurred or muddled speech",
            ResultNote: StrokeNote),
        new("vision-loss", SignGroup.Emergency,
            "Sudden loss of sight in one or both eyes",
            "you have suddenly lost sight in one or both eyes",
            ResultNote: StrokeNote),
        new("confusion", SignGroup.Emergency,
            "Confusion, drowsiness, memory loss, fainting or a fit",
            "you have confusion, drowsiness, memory loss, fainting or a fit"),
        new("fever-stiff-neck", SignGroup.Emergency,
            "A high temperature with a stiff neck that hurts when you bend your chin to your chest, or a rash that does not fade when you press a glass on it",
            "you have a high temperature with a stiff neck that hurts when you bend your chin to your chest, or a rash that does not fade under a glass"),
        new("head-injury", SignGroup.Emergency,
            "You hurt your head in the last 7 days, and you have had this headache since",
            "you hurt your head in the last 7 days and have had this headache since",
            "For example a fall or a blow to the head. If your injury was longer ago, the questions below ask about it."),
        new("artery-signs", SignGroup.Emergency,
            ArterySigns.Sentence,
            "your neck pain or headache comes with sudden or new dizziness, double vision, trouble swallowing or speaking, unsteady walking, sudden falls, a drooping eyelid that does not go away, or a new noise in one ear",
            "This matters most after a neck injury or after your neck has been manipulated. Mild dizziness you have had before with your neck headaches is not this sign. Nor is an eyelid that droops only during a cluster attack and lifts again when the attack passes: that is asked about further down.")
        {
            List = ArterySigns,
        },
        new("red-eye", SignGroup.Emergency,
            "A painful red eye that stays red, often with blurred vision or rings (haloes) around lights",
            "you have a painful red eye that stays red",
            "This is different from an eye that goes red or waters during an attack of pain around one eye and settles within 3 hours, which is asked about further down."),

        // Urgent signs
        new("jaw-scalp", SignGroup.Urgent,
            "You are 50 or over, and you have pain in your jaw when you chew, or your scalp or temples are tender to touch (for example when you brush your hair)",
            "you are 50 or over and have jaw pain when chewing, or your scalp or temples are tender to touch",
            ResultNote: "These can be signs of swollen blood vessels in the head (giant cell arteritis), which can harm your sight within days. If anything about your sight has changed, say so: you need to be seen the same day."),
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
            "You have a new or different headache, and you are pregnant or had a baby in the last 6 weeks",
            "you have a new or different headache and are pregnant or had a baby in the last 6 weeks",
            ResultNote: "Contact your midwife or maternity unit today as well."),
        new("getting-worse", SignGroup.Urgent,
            "The headache is getting steadily worse over days or weeks",
            "your headache is getting steadily worse over days or weeks"),
        new("recent-injury", SignGroup.Urgent,
            "You hurt your head or neck in the last 3 months (for example whiplash), and you have had this headache since",
            "you hurt your head or neck in the last 3 months and have had this headache since",
            "If your injury was longer ago than that and your headaches have been much the same since, do not tick this. Headaches that began after an old whiplash injury are common, and often helped by physiotherapy."),
        new("neck-manipulation", SignGroup.Urgent,
            "Your neck was manipulated or jolted in the last 4 weeks (for example in a fall, a sport or a fairground ride), and since then you have had a new neck pain or headache, unlike your usual one",
            "your neck was manipulated or jolted in the last 4 weeks and since then you have had a new neck pain or headache",
            "Very rarely an artery in the neck tears after a jolt or a manipulation. At first this can feel like neck pain and headache alone.",
            ResultNote: "Have no more neck manipulation until a doctor has checked you."),
        new("sudden-neck-pain", SignGroup.Urgent,
            "A sudden, new pain on one side of your neck, unlike any you have had before",
            "you have a sudden, new pain on one side of your neck, unlike any before",
            "Very rarely an artery in the neck tears, even without an injury. At first this can feel like neck pain and headache alone.",
            ResultNote: "Have no more neck manipulation until a doctor has checked you."),
        new("fever", SignGroup.Urgent,
            "You have a high temperature (you feel hot and shivery)",
            "you have a high temperature"),
        new("very-unwell", SignGroup.Urgent,
            "You feel very unwell",
            "you feel very unwell"),
        new("weight-loss", SignGroup.Urgent,
            "You are losing weight without trying",
            "you are losing weight without trying"),
        new("limb-numbness", SignGroup.Urgent,
            "New numbness or weakness in an arm or leg that has not gone away",
            "you have new numbness or weakness in an arm or leg that has not gone away",
            "If it came on suddenly, or with a drooping face or slurred speech, it is the emergency sign further up: tick that instead. Pins and needles in an arm that come when you move your neck and go within minutes are common with neck problems and are not this sign."),
        new("personality-change", SignGroup.Urgent,
            "People close to you say your personality or behaviour has changed",
            "people close to you say your personality or behaviour has changed"),
        new("blood-thinners", SignGroup.Urgent,
            "This headache is new, and you take a medicine that thins the blood, such as warfarin, apixaban, rivaroxaban, edoxaban or dabigatran",
            "this is a new headache and you take a medicine that thins the blood",
            "A new headache can, rarely, be bleeding inside the head, and blood thinners make bleeding more likely.",
            ResultNote: "Tell them which blood thinner you take. If you have hit or hurt your head, call {{emergency-number}} now."),
        new("hands-walking", SignGroup.Urgent,
            "Over weeks or months, your hands have become clumsy or numb, or your walking has become unsteady",
            "over weeks or months your hands have become clumsy or numb, or your walking has become unsteady",
            "For example, you drop things or find buttons hard to do up. This can mean pressure on the spinal cord in the neck.",
            ResultNote: "Do not start neck exercises until a doctor has checked you."),
        new("aches-over-50", SignGroup.Urgent,
            "You are 50 or over, and you have new aching and stiffness in your shoulders or hips that is worst in the morning, night sweats, or weight loss you cannot explain",
            "you are 50 or over and have new aching and stiffness in your shoulders or hips, night sweats, or weight loss you cannot explain",
            ResultNote: "These can come with swollen blood vessels in the head (giant cell arteritis), which can harm your sight within days. If anything about your sight has changed, say so: you need to be seen the same day."),

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
        new("new-medicine", SignGroup.OtherPattern,
            "Your headaches began after you started a new medicine",
            "your headaches began after you started a new medicine",
            "This includes medicines you buy yourself, such as from a pharmacy."),
        new("throbbing", SignGroup.OtherPattern,
            "The pain throbs or pulses",
            "your headache throbs or pulses"),
        new("nausea-light", SignGroup.OtherPattern,
            "You feel sick, or light and noise bother you, during the headache",
            "you feel sick, or light and noise bother you, during the headache"),
        new("aura", SignGroup.OtherPattern,
            "You see zigzag lines, flashing lights or spots before the headache",
            "you see zigzag lines, flashing lights or spots before the headache"),
        new(PainkillersOften, SignGroup.OtherPattern,
            "You take painkillers for headache on 10 or more days a month",
            "you take painkillers for headache on 10 or more days a month"),
        new("eye-watering", SignGroup.OtherPattern,
            "Attacks of very bad pain around one eye that come in bouts and pass within 3 hours, often with a red or watering eye, a drooping eyelid or a runny nose on that side",
            "you have attacks of very bad pain around one eye that come in bouts and pass within 3 hours"),
    ];

    private static readonly FrozenDictionary<string, Sign> ById = All.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);

    public static Sign? Find(string id) => ById.GetValueOrDefault(id);

    public static IEnumerable<string> IdsIn(SignGroup group) => All.Where(s => s.Group == group).Select(s => s.Id);

    public static IEnumerable<IGrouping<SignGroup, Sign>> ByGroup() => All.GroupBy(s => s.Group);
}
