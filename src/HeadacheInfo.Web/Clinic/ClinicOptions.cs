using System.ComponentModel.DataAnnotations;

namespace HeadacheInfo.Web.Clinic;

/// <summary>
/// The <c>Clinic</c> section of configuration: who runs the site and where people get help. Checked at
/// start; each message names its key.
/// </summary>
public sealed class ClinicOptions
{
    public const string Section = "Clinic";
    public const string PhonePattern = @"^\+?[0-9][0-9 ]{1,19}$";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Clinic:Name must be set to the clinic's name.")]
    public string Name { get; set; } = "HeadacheInfo";

    [RegularExpression(PhonePattern, ErrorMessage = "Clinic:Phone must be a phone number of digits and spaces, such as 0161 555 0100.")]
    public string? Phone { get; set; }

    [Url(ErrorMessage = "Clinic:BookingUrl must be a full web address starting with https://.")]
    public string? BookingUrl { get; set; }

    [Required(AllowEmptyStrings = false, ErrorMessage = "Clinic:EmergencyNumber must be set, such as 999.")]
    [RegularExpression(PhonePattern, ErrorMessage = "Clinic:EmergencyNumber must be a phone number of digits, such as 999.")]
    public string EmergencyNumber { get; set; } = "999";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Clinic:UrgentAdviceName must be set, such as NHS 111.")]
    public string UrgentAdviceName { get; set; } = "NHS 111";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Clinic:UrgentAdviceNumber must be set, such as 111.")]
    [RegularExpression(PhonePattern, ErrorMessage = "Clinic:UrgentAdviceNumber must be a phone number of digits, such as 111.")]
    public string UrgentAdviceNumber { get; set; } = "111";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Clinic:UrgentAdviceUrl must be set, such as https://111.nhs.uk.")]
    [Url(ErrorMessage = "Clinic:UrgentAdviceUrl must be a full web address starting with https://.")]
    public string UrgentAdviceUrl { get; set; } = "https://111.nhs.uk";

    /// <summary>The body that registers physiotherapists where the clinic is, named where articles say how to check one.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Clinic:PhysioRegisterName must be set to the body that registers physiotherapists, such as HCPC.")]
    public string PhysioRegisterName { get; set; } = "HCPC";

    /// <summary>Where anyone can look a physiotherapist up on that register.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Clinic:PhysioRegisterUrl must be set, such as https://www.hcpc-uk.org/check-the-register/.")]
    [Url(ErrorMessage = "Clinic:PhysioRegisterUrl must be a full web address starting with https://.")]
    public string PhysioRegisterUrl { get; set; } = "https://www.hcpc-uk.org/check-the-register/";

    /// <summary>Where to be seen in person today without an appointment, as said after "go to": such as "an urgent treatment centre".</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Clinic:UrgentCareName must be set, such as an urgent treatment centre.")]
    public string UrgentCareName { get; set; } = "an urgent treatment centre";

    /// <summary>The hospital emergency department's usual name, as said after "go to": such as "A&amp;E".</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Clinic:EmergencyDepartmentName must be set, such as A&E.")]
    public string EmergencyDepartmentName { get; set; } = "A&E";

    /// <summary>
    /// The clinic's time zone, an IANA name such as Europe/London: the times staff type in for scheduled
    /// publishing and take-downs are read in it, and shown in it.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Clinic:TimeZone must be set to an IANA time zone name, such as Europe/London.")]
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>The zone <see cref="TimeZone"/> names; checked at start, so it is found. A method, not a property, so validation never reads it first.</summary>
    public TimeZoneInfo FindZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>A phone number as a <c>tel:</c> address: digits and a leading plus only.</summary>
    public static string TelHref(string number) => "tel:" + new string([.. number.Where(c => char.IsAsciiDigit(c) || c == '+')]);
}
