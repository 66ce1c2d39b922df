using Microsoft.Extensions.Options;

namespace HeadacheInfo.Web.Staff.Mail;

/// <summary>
/// The <c>Email</c> section: where staff e-mail goes out. With <c>Email:Smtp:Host</c> unset the site sends
/// none and queues none. The password is only ever handed to the mail server, never logged or shown.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The address mail comes from, such as "HeadacheInfo &lt;staff-mail@clinic.example&gt;".</summary>
    public string? From { get; set; }

    /// <summary>
    /// The address links in mail start with, when it differs from <c>Site:BaseUrl</c> (staff on an internal
    /// address, say). Links never come from a request's Host, which whoever sent the request chose.
    /// </summary>
    public string? LinkBaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(Smtp.Host);
}

/// <summary>Checks the <c>Email</c> settings at start, naming the key to fix. A password is never repeated back.</summary>
internal sealed class EmailOptionsValidator(IOptions<HeadacheInfo.Web.Site.SiteOptions> site) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        var smtp = options.Smtp;
        var host = smtp.Host!;
        if (host.Any(c => char.IsWhiteSpace(c) || c == '/') || host.Count(c => c == ':') == 1)
        {
            problems.Add("Email:Smtp:Host must be a host name or address alone, such as smtp.clinic.example (put the port in Email:Smtp:Port).");
        }

        if (smtp.Port is { } port && port is < 1 or > 65535)
        {
            problems.Add("Email:Smtp:Port must be a port number from 1 to 65535.");
        }

        if (!string.IsNullOrEmpty(smtp.Security) && !Enum.GetNames<MailSecurity>().Contains(smtp.Security.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            problems.Add("Email:Smtp:Security must be None, StartTls or SslOnConnect.");
        }

        if (string.IsNullOrWhiteSpace(smtp.UserName) != string.IsNullOrEmpty(smtp.Password))
        {
            problems.Add("Email:Smtp:UserName and Email:Smtp:Password go together: set both, or neither for a server that needs no sign-in.");
        }

        if (string.IsNullOrWhiteSpace(options.From) || !MimeKit.MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            problems.Add("Email:From must be the address mail comes from, such as staff-mail@clinic.example.");
        }

        if (!string.IsNullOrWhiteSpace(options.LinkBaseUrl))
        {
            if (!Uri.TryCreate(options.LinkBaseUrl, UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https"))
            {
                problems.Add("Email:LinkBaseUrl must be a full web address starting with http:// or https://, such as https://headacheinfo.example.");
            }
        }
        else if (string.IsNullOrWhiteSpace(site.Value.BaseUrl))
        {
            problems.Add("Email:Smtp:Host is set, so mail needs the site's address for its links: set Site:BaseUrl, or Email:LinkBaseUrl.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
