namespace HeadacheInfo.Web.Staff.Mail;

public enum MailSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
