using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff.Workflow;

namespace HeadacheInfo.Web.SymptomCheck;

public static class SymptomCheckRegistration
{
    /// <summary>
    /// The symptom check's clinical sign-off: read with each content snapshot, before the pages rendered with it
    /// (so call this before <c>AddCaching</c>), and given by a reviewer at /staff/symptom-check.
    /// </summary>
    public static WebApplicationBuilder AddSymptomCheck(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CheckSignOffPart>();
        builder.Services.AddSingleton<ISnapshotPart>(services => services.GetRequiredService<CheckSignOffPart>());
        builder.Services.AddHostedService<CheckSignOffLoader>();
        builder.Services.AddScoped<CheckSignOffs>();
        return builder;
    }
}
