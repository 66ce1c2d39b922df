using System.Net.Sockets;
using HeadacheInfo.Web.Articles;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HeadacheInfo.Web.Staff.Mail;

/// <summary>Whether mail is getting through, for the dashboard: the last failure in plain words, and how many wait.</summary>
public sealed record MailStatus(bool Failing, string? LastError, DateTimeOffset? LastAttemptAt, int Waiting);
