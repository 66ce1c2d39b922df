using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace HeadacheInfo.Tests.Infrastructure;

/// <summary>One message as the server received it: the envelope's recipients and the message itself.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> Recipients, MimeMessage Message)
{
    public string Subject => Message.Subject ?? string.Empty;

    public string Text => Message.TextBody ?? string.Empty;
}

/// <summary>
/// A real SMTP server (the SmtpServer library) on a loopback port, keeping every message it is given. It can
/// be started late, on a port chosen before, to stand for a mail server that was down. With a user name it
/// asks for that user name and password, over plain text (loopback only).
/// </summary>
public sealed class TestSmtpServer : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;
    private int _disposed;

    public TestSmtpServer(string? userName = null, string? password = null)
    {
        UserName = userName;
        Password = password;
        Port = FreePort();
    }

    public int Port { get; }

    public string? UserName { get; }

    public string? Password { get; }

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    public IReadOnlyList<ReceivedMail> To(string recipient) =>
        [.. Received.Where(m => m.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase))];

    /// <summary>Starts listening, and returns once the port is open.</summary>
    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                .AuthenticationRequired(UserName is not null).AllowUnsecureAuthentication(UserName is not null))
            .Build();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => listening.TrySetResult();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(this));
        if (UserName is not null)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) => user == UserName && password == Password));
        }

        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stop.Cancel();
        try
        {
            _running?.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // Stopped by the cancellation.
        }

        _stop.Dispose();
    }

    /// <summary>A loopback port free now: nothing listens on it until <see cref="StartAsync"/>.</summary>
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            server.Received.Enqueue(new ReceivedMail([.. transaction.To.Select(m => m.AsAddress())], MimeMessage.Load(stream, cancellationToken)));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
