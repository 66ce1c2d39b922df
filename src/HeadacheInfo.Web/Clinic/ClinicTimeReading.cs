namespace HeadacheInfo.Web.Clinic;

/// <summary>A time a member of staff typed, read in the clinic's zone: the moment, or why it cannot be used, and anything they should know.</summary>
/// <param name="Note">Set when the clocks change at that time, saying which moment was taken.</param>
public sealed record ClinicTimeReading(DateTimeOffset? At, string? Problem, string? Note);
