using System.Net.Sockets;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Workflow;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HeadacheInfo.Web.Staff.Mail;

/// <summary>
/// Sends what the outbox holds. One pass claims the rows that are due, by changing each row's own state in
/// one UPDATE (only one instance's UPDATE can match a row), sends them over one connection, and marks each
/// sent, or puts it back to wait, longer after each failure. All time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class MailDelivery(
    IServiceScopeFactory scopes, IOptions<EmailOptions> options, ContentStore content, TimeProvider time, ILogger<MailDelivery> logger) : IDisposable
{
    /// <summary>How long a claim holds: far longer than a send can take, so only a claim whose instance died runs out.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    /// <summary>A mail given up for good still shows as a failure on the dashboard this long.</summary>
    public static readonly TimeSpan FailureShownFor = TimeSpan.FromDays(7);

    private const int BatchSize = 50;

    // Passes in this instance run one at a time: a pass asked for while another runs waits for it, then runs.
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>Exponential, from 30 seconds, capped at an hour.</summary>
    public static TimeSpan BackOff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, FirstRetry.Ticks << Math.Clamp(attempts - 1, 0, 20)));

    /// <summary>One pass: queues the week's digest if it is due, then sends every message due now. Returns how many were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return 0;
        }

        await _pass.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var snapshot = content.Current;
            var dashboard = await StaffDashboardPart.ForAsync(snapshot, scope.ServiceProvider);
            await scope.ServiceProvider.GetRequiredService<WorkflowMail>().QueueDigestIfDueAsync(dashboard);

            var database = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
            var claimed = await ClaimAsync(database, cancellationToken);
            return claimed.Count == 0 ? 0 : await SendAsync(database, claimed, cancellationToken);
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>Whether mail is getting through: failing while a message waits after a failed try, or was given up lately.</summary>
    public static async Task<MailStatus> StatusAsync(StaffDbContext database, DateTimeOffset now)
    {
        var since = now - FailureShownFor;
        var waiting = await database.MailOutbox.CountAsync(m => m.State == MailStates.Waiting || m.State == MailStates.Sending);
        var failed = await database.MailOutbox.AsNoTracking()
            .Where(m => (m.State == MailStates.Waiting && m.Attempts > 0) || (m.State == MailStates.Failed && m.LastAttemptAt > since))
            .OrderByDescending(m => m.LastAttemptAt).Select(m => new { m.LastError, m.LastAttemptAt }).FirstOrDefaultAsync();
        return new MailStatus(failed is not null, failed?.LastError, failed?.LastAttemptAt, waiting);
    }

    private async Task<List<OutboxMail>> ClaimAsync(StaffDbContext database, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await database.MailOutbox.AsNoTracking()
            .Where(m => (m.State == MailStates.Waiting && m.NextAttemptAt <= now) || (m.State == MailStates.Sending && m.LeaseUntil < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        // The same condition again inside the UPDATE: of two instances claiming at once, the second finds the
        // rows already changed (PostgreSQL re-reads a row another transaction updated; SQLite has one writer).
        var claim = Guid.NewGuid().ToString("N");
        DateTimeOffset? leaseUntil = now + Lease;
        DateTimeOffset? attemptAt = now;
        await database.MailOutbox
            .Where(m => due.Contains(m.Id) &&
                ((m.State == MailStates.Waiting && m.NextAttemptAt <= now) || (m.State == MailStates.Sending && m.LeaseUntil < now)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.State, MailStates.Sending)
                .SetProperty(m => m.ClaimedBy, claim)
                .SetProperty(m => m.LeaseUntil, leaseUntil)
                .SetProperty(m => m.LastAttemptAt, attemptAt)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        return await database.MailOutbox.AsNoTracking().Where(m => m.ClaimedBy == claim && m.State == MailStates.Sending)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    private async Task<int> SendAsync(StaffDbContext database, List<OutboxMail> claimed, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var from = MailboxAddress.Parse(settings.From!);
        using var client = new SmtpClient { Timeout = 30_000 };
        var sent = 0;
        var pending = new Queue<OutboxMail>(claimed);
        try
        {
            await client.ConnectAsync(settings.Smtp.Host!.Trim(), settings.Smtp.PortOrDefault, settings.Smtp.SecurityMode switch
            {
                MailSecurity.None => SecureSocketOptions.None,
                MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            }, cancellationToken);
            if (!string.IsNullOrWhiteSpace(settings.Smtp.UserName))
            {
                await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? string.Empty, cancellationToken);
            }

            while (pending.TryPeek(out var mail))
            {
                try
                {
                    await client.SendAsync(Message(from, mail), cancellationToken);
                }
                catch (SmtpCommandException refused) when (refused.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted && (int)refused.StatusCode >= 500)
                {
                    // Refused for good, this message alone: trying again would only be refused again.
                    pending.Dequeue();
                    await FinishAsync(database, mail, MailStates.Failed, Describe(refused, settings.Smtp), cancellationToken);
                    continue;
                }

                pending.Dequeue();
                await FinishAsync(database, mail, MailStates.Sent, null, cancellationToken);
                sent++;
            }

            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = Describe(ex, settings.Smtp);
            LogDeliveryFailed(pending.Count, reason);
            foreach (var mail in pending)
            {
                await FinishAsync(database, mail, MailStates.Waiting, reason, CancellationToken.None);
            }
        }

        return sent;
    }

    private async Task FinishAsync(StaffDbContext database, OutboxMail mail, string state, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? sentAt = state == MailStates.Sent ? now : null;
        var next = state == MailStates.Waiting ? now + BackOff(mail.Attempts) : mail.NextAttemptAt;
        // Only while this pass's claim holds: a claim that ran out belongs to whoever took it over.
        await database.MailOutbox.Where(m => m.Id == mail.Id && m.ClaimedBy == mail.ClaimedBy)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.State, state)
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, error)
                // A sent link to choose a password leaves no working token in the database, nor in its backups.
                .SetProperty(m => m.Body, m => state == MailStates.Sent && (m.Kind == MailKinds.Invitation || m.Kind == MailKinds.PasswordReset)
                    ? "(Sent. The link to choose a password is not kept.)" : m.Body), cancellationToken);
    }

    private static MimeMessage Message(MailboxAddress from, OutboxMail mail)
    {
        // Every mail passes here: what a one-line field may not hold never reaches a subject or a body, whatever
        // wrote it (a title edited on disk, a digest of many titles).
        var subject = PlainLine.Strip(mail.Subject);
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = PlainLine.Strip(mail.Body, keepLines: true) } };
        if (subject.Contains("=?", StringComparison.Ordinal))
        {
            message.Headers[HeaderId.Subject] = string.Empty;
            message.Headers.First(h => h.Id == HeaderId.Subject).SetRawValue(EncodedWords(subject));
        }

        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(mail.To));
        return message;
    }

    /// <summary>
    /// The subject as RFC 2047 encoded-words, every one of them. MimeKit encodes a subject only where it must
    /// (non-ASCII), so a title typed as "=?utf-8?b?...?=" would reach the reader's mail program as code and be
    /// shown as other words; encoded whole, it is shown as the words that were typed.
    /// </summary>
    private static byte[] EncodedWords(string subject)
    {
        var words = new List<string>();
        var chunk = new System.Text.StringBuilder();
        foreach (var rune in subject.EnumerateRunes())
        {
            // 45 bytes of UTF-8 make 60 of base64: with "=?utf-8?b??=" each word stays within RFC 2047's 75.
            if (System.Text.Encoding.UTF8.GetByteCount(chunk.ToString()) + rune.Utf8SequenceLength > 45)
            {
                words.Add(Word(chunk.ToString()));
                chunk.Clear();
            }

            chunk.Append(rune.ToString());
        }

        if (chunk.Length > 0)
        {
            words.Add(Word(chunk.ToString()));
        }

        return System.Text.Encoding.ASCII.GetBytes(" " + string.Join("\r\n ", words) + "\r\n");

        static string Word(string text) => "=?utf-8?b?" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)) + "?=";
    }

    /// <summary>What went wrong, in plain words for the dashboard: the server's name and port, never a user name or password.</summary>
    internal static string Describe(Exception ex, SmtpOptions smtp)
    {
        var server = $"the mail server at {smtp.Host}:{smtp.PortOrDefault}";
        var words = ex switch
        {
            SocketException socket => $"Could not reach {server} ({socket.SocketErrorCode}). Is it running, and are Email:Smtp:Host and Email:Smtp:Port right?",
            MailKit.Security.AuthenticationException => $"{Capital(server)} refused the user name or password (Email:Smtp:UserName and Email:Smtp:Password).",
            SslHandshakeException => $"Could not make a secure connection to {server}. Check Email:Smtp:Security and the server's certificate.",
            SmtpCommandException command => $"{Capital(server)} refused the message: {(int)command.StatusCode} {command.Message}",
            SmtpProtocolException or ServiceNotConnectedException or IOException => $"The connection to {server} broke off.",
            TimeoutException or OperationCanceledException => $"{Capital(server)} did not answer in time.",
            NotSupportedException => $"{Capital(server)} does not offer what Email:Smtp:Security asks for.",
            _ => $"Sending through {server} failed ({ex.GetType().Name}).",
        };
        return words.Length > 500 ? words[..500] : words;
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    public void Dispose() => _pass.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Count} staff e-mails; they will be tried again: {Reason}")]
    private partial void LogDeliveryFailed(int count, string reason);
}

/// <summary>Runs a delivery pass now and then, on the site's clock, once the staff database is ready.</summary>
internal sealed partial class MailSender(MailDelivery delivery, IOptions<EmailOptions> options, StaffDatabaseReadiness readiness, TimeProvider time, ILogger<MailSender> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            await readiness.Ready.WaitAsync(stoppingToken);
        }
#pragma warning disable CA1031 // The database never came up, or the site is stopping: it says why itself.
        catch (Exception)
#pragma warning restore CA1031
        {
            return;
        }

        // Each pass after a wait, the first too: the site starts without touching the mail server.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await delivery.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(ex.GetType().Name, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A staff e-mail pass failed: {Kind:l} {Reason}")]
    private partial void LogPassFailed(string kind, string reason);
}
