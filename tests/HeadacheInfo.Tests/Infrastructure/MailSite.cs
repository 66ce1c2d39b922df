using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HeadacheInfo.Tests.Infrastructure;

/// <summary>The site sending staff e-mail to a test SMTP server of its own, on a clock the test moves.</summary>
public class MailSite : HeadacheInfoFactory
{
    public const string LinkBase = "https://staff.clinic.example";

    /// <param name="startServer">False for a mail server that is down: its port is chosen, but nothing listens yet.</param>
    public MailSite(TestSmtpServer smtp, DateTimeOffset start, bool startServer = true)
    {
        Smtp = smtp;
        Clock = new FakeTimeProvider(start);
        if (startServer)
        {
            Smtp.StartAsync().GetAwaiter().GetResult();
        }

        WithSetting("RateLimiting:SignIn:PermitLimit", "10000");
        WithSetting("Email:Smtp:Host", "127.0.0.1");
        WithSetting("Email:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WithSetting("Email:Smtp:Security", "None");
        WithSetting("Email:Smtp:UserName", Smtp.UserName);
        WithSetting("Email:Smtp:Password", Smtp.Password);
        WithSetting("Email:From", "HeadacheInfo <staff-mail@clinic.example>");
        WithSetting("Email:LinkBaseUrl", LinkBase);
    }

    public TestSmtpServer Smtp { get; }

    public FakeTimeProvider Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
        }
    }
}
