using HeadacheInfo.Web.Logging;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff;

/// <summary>Writes and reads the audit log. What goes in is who, when and what; never a password or a code.</summary>
public sealed class AuditLog(StaffDbContext database, IHttpContextAccessor http, TimeProvider time)
{
    public const int PageSize = 200;

    public async Task RecordAsync(string auditEvent, string? actor, string detail)
    {
        database.AuditEvents.Add(new AuditEvent
        {
            At = time.GetUtcNow(),
            Event = auditEvent,
            Actor = actor is null ? null : Limit(actor, 256),
            Detail = Limit(detail, 1000),
            ClientAddress = ClientAddress,
        });
        await database.SaveChangesAsync();
    }

    /// <summary>The client's address as the site sees it (a trusted proxy's X-Forwarded-For counts), as every row records it.</summary>
    public string? ClientAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>The latest events, newest first.</summary>
    public async Task<IReadOnlyList<AuditEvent>> LatestAsync() =>
        await database.AuditEvents.AsNoTracking().OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(PageSize).ToListAsync();

    // Typed-in text (a mistyped email at sign-in) is kept short and free of control characters.
    private static string Limit(string text, int length) => LogSafeText.Escape(text.Length > length ? text[..length] : text);
}
