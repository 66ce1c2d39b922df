namespace HeadacheInfo.Web.Staff.Mail;

/// <summary>The <c>Email:Smtp</c> section.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>Unset: 587 for StartTls, 465 for SslOnConnect, 25 for None.</summary>
    public int? Port { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary><c>None</c>, <c>StartTls</c> (the default) or <c>SslOnConnect</c>.</summary>
    public string? Security { get; set; }

    public MailSecurity SecurityMode => Enum.TryParse<MailSecurity>(Security?.Trim(), ignoreCase: true, out var mode) ? mode : MailSecurity.StartTls;

    public int PortOrDefault => Port ?? SecurityMode switch { MailSecurity.SslOnConnect => 465, MailSecurity.None => 25, _ => 587 };

    // Never the password: this is what a log line or an exception may say about the server.
    public override string ToString() => $"{Host}:{PortOrDefault} ({SecurityMode})";
}
