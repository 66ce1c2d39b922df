namespace HeadacheInfo.Web.Staff.Mail;

public static class MailStates
{
    public const string Waiting = "waiting";
    public const string Sending = "sending";
    public const string Sent = "sent";

    /// <summary>Refused by the mail server for good (such as an address it does not know): not tried again.</summary>
    public const string Failed = "failed";
}
