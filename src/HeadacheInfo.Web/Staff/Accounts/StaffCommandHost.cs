using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.Hosting;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using HeadacheInfo.Web.Staff.Publishing;

namespace HeadacheInfo.Web.Staff.Accounts;

/// <summary>The staff database as the site sees it (the same settings and key ring), for the commands run on the server.</summary>
public static class StaffCommandHost
{
    /// <returns>The host, or null when the database cannot be used (the reason is written to <paramref name="output"/>).</returns>
    public static async Task<WebApplication?> OpenAsync(IReadOnlyList<string> settings, TextWriter output)
    {
        var builder = WebApplication.CreateBuilder([.. settings]);
        builder.Logging.ClearProviders();
        // The same folders as the site (Site:Home), read as they are: a command never seeds or creates the home.
        SiteHome.Apply(builder.Configuration, builder.Environment);
        builder.AddClinic();
        builder.AddArticles();
        builder.Services.AddHttpContextAccessor();
        // The same Data Protection key ring as the site, so anything the command encrypts, the site can read.
        builder.AddHosting();
        builder.Services.AddStaffAccounts(builder.Configuration);
        // reset-staff queues the owner's e-mail in the outbox; the site's sender sends it.
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        builder.Services.AddPublishChannel();
        var app = builder.Build();
        try
        {
            await StaffDatabase.MigrateAsync(app.Services, CancellationToken.None);
            return app;
        }
        catch (StaffDatabaseUnavailableException ex)
        {
            output.WriteLine(ex.Message);
            await app.DisposeAsync();
            return null;
        }
    }
}
