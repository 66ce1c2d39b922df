using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Mail;

public static class StaffMailRegistration
{
    /// <summary>Staff e-mail: the settings (checked at start), the outbox the workflow writes to, and its sender.</summary>
    public static IServiceCollection AddStaffMail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddScoped<WorkflowMail>();
        services.AddScoped<AccountLinkMail>();
        services.AddSingleton<MailLinks>();
        services.AddSingleton<MailDelivery>();
        services.AddHostedService<MailSender>();
        return services;
    }
}
