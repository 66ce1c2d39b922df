namespace HeadacheInfo.Web.Clinic;

/// <summary>The <c>Clinic</c> section of configuration: who runs the site and where people get help.</summary>
public sealed class ClinicOptions
{
    public const string Section = "Clinic";

    public string Name { get; set; } = "HeadacheInfo";

    public string? Phone { get; set; }

    public string? BookingUrl { get; set; }

    public string EmergencyNumber { get; set; } = "999";

    public string UrgentAdviceName { get; set; } = "NHS 111";

    public string UrgentAdviceNumber { get; set; } = "111";

    public string UrgentAdviceUrl { get; set; } = "https://111.nhs.uk";
}
