using System.Collections.Immutable;
using HeadacheInfo.Web.Clinic;

namespace HeadacheInfo.Web.Articles.CareCards;

/// <summary>
/// The three levels of advice staff can put in an article, as <c>::: emergency</c>, <c>::: urgent</c> or
/// <c>::: info</c>. This is the one list of them.
/// </summary>
public sealed record CareCardKind(string Key, Func<ClinicOptions, string> Heading, string Label)
{
    public static readonly CareCardKind Emergency = new("emergency", clinic => $"Call {clinic.EmergencyNumber} now", "Emergency");

    public static readonly CareCardKind Urgent = new("urgent", _ => "Get advice today", "Urgent");

    public static readonly CareCardKind Info = new("info", _ => "Good to know", "Information");

    public static ImmutableArray<CareCardKind> All { get; } = [Emergency, Urgent, Info];

    public static CareCardKind? FromKey(string? key) =>
        All.FirstOrDefault(kind => string.Equals(kind.Key, key?.Trim(), StringComparison.Ordinal));
}
