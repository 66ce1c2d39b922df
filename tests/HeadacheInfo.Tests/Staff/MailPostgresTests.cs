using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Staff.Accounts;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace HeadacheInfo.Tests.Staff;

/// <summary>Two instances on one PostgreSQL database, both sending: each message goes once.</summary>
[Collection(PostgresGroup.Name)]
public sealed class MailPostgresTests(PostgresCluster postgres)
{
    private static HeadacheInfoFactory Site(string connection, TestSmtpServer smtp)
    {
        var site = new HeadacheInfoFactory()
            .WithSetting("Database:Provider", "Postgres")
            .WithSetting("ConnectionStrings:Staff", connection)
            .WithSetting("Email:Smtp:Host", "127.0.0.1")
            .WithSetting("Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("Email:Smtp:Security", "None")
            .WithSetting("Email:From", "staff-mail@clinic.example")
            .WithSetting("Email:LinkBaseUrl", "https://staff.clinic.example");
        site.Content.WriteArticle("neck-pain", "Neck pain");
        return site;
    }

    [PostgresFact]
    public async Task Two_instances_sending_at_once_send_each_message_once()
    {
        using var smtp = new TestSmtpServer();
        await smtp.StartAsync();
        var connection = await postgres.CreateDatabaseAsync();
        using var first = Site(connection, smtp);
        using var second = Site(connection, smtp);
        await StaffSeeding.AddAsync(first, "pg-mail-author@clinic.example", StaffRoles.Author);
        var reviewers = Enumerable.Range(1, 5).Select(i => $"pg-mail-reviewer{i}@clinic.example").ToList();
        foreach (var reviewer in reviewers)
        {
            await StaffSeeding.AddAsync(first, reviewer, StaffRoles.Reviewer);
        }

        await second.Services.GetRequiredService<StaffDatabaseReadiness>().Ready;
        using var author = new StaffClient(first);
        (await author.SignInAsync("pg-mail-author@clinic.example", StaffSeeding.Password)).Dispose();
        var (_, edit) = await author.GetAsync("/staff/articles/neck-pain/edit");
        (await author.SubmitAsync(edit, "/staff/articles/neck-pain/edit", new Dictionary<string, string> { ["Body"] = "## Changed\n\nNew words.\n" }, "submit-for-review")).Dispose();

        var passes = new[] { first, second, first, second }.Select(site => site.Services.GetRequiredService<MailDelivery>().RunOnceAsync());
        var sent = (await Task.WhenAll(passes)).Sum();

        Assert.Equal(reviewers.Count, sent);
        foreach (var reviewer in reviewers)
        {
            Assert.Single(smtp.To(reviewer), m => m.Subject == "Waiting for your review: Neck pain");
            // However the dates fall, the weekly list goes at most once.
            Assert.True(smtp.To(reviewer).Count(m => m.Subject.Contains("due for review", StringComparison.Ordinal)) <= 1);
        }
    }
}
