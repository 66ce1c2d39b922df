namespace HeadacheInfo.Web.Clinic;

public static class ClinicRegistration
{
    /// <summary>The clinic's details and where people get help, validated at start.</summary>
    public static WebApplicationBuilder AddClinic(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClinicOptions>()
            .BindConfiguration(ClinicOptions.Section)
            .ValidateDataAnnotations()
            .Validate(clinic => string.IsNullOrWhiteSpace(clinic.TimeZone) || (TimeZoneInfo.TryFindSystemTimeZoneById(clinic.TimeZone, out var zone) && zone.HasIanaId),
                "Clinic:TimeZone must be an IANA time zone name, such as Europe/London or America/New_York.")
            .ValidateOnStart();
        return builder;
    }
}
