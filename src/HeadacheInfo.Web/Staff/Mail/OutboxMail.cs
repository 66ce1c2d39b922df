namespace HeadacheInfo.Web.Staff.Mail;

/// <summary>
/// One e-mail to one person, written in the same transaction as the workflow action it tells of, and sent
/// later by <see cref="MailDelivery"/>: a mail server that is down never holds up the action. The row's own
/// state decides which instance sends it, so it goes once however many instances run.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }

    /// <summary>One of <see cref="MailKinds"/>.</summary>
    public string Kind { get; set; } = string.Empty;

    public string To { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    /// <summary>Plain text: nothing in it is ever read as markup.</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>One of <see cref="MailStates"/>.</summary>
    public string State { get; set; } = MailStates.Waiting;

    public int Attempts { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>Not tried again before this.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>While being sent: the instance that claimed it, and until when its claim holds.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>Why the last try failed, in plain words, with no setting's secret in it.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
