namespace HeadacheInfo.Web.Staff.Mail;

/// <summary>A kind of mail a person has turned off on their account page; no row means they get it.</summary>
public sealed class MailOptOut
{
    public string UserId { get; set; } = string.Empty;

    /// <summary>One of <see cref="MailKinds"/>.</summary>
    public string Kind { get; set; } = string.Empty;
}
