namespace HeadacheInfo.Web.Clinic;

public static class ClinicRegistration
{
    /// <summary>The clinic's details and where people get help, validated at start.</summary>
    public static WebApplicationBuilder AddClinic(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClinicOptions>()
            .BindConfiguration(ClinicOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }
}
