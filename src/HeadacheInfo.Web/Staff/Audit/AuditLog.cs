using HeadacheInfo.Web.Logging;
using HeadacheInfo.Web.Staff.Database;
using Microsoft.EntityFrameworkCore;

namespace HeadacheInfo.Web.Staff.Audit;

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

    /// <summary>Every event name the site writes, for the audit page's filter.</summary>
    public static IReadOnlyList<string> EventNames { get; } =
        [.. typeof(AuditEvents).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal)];

    /// <summary>The latest events, newest first.</summary>
    public async Task<IReadOnlyList<AuditEvent>> LatestAsync() => (await PageAsync(new AuditQuery(null, null, 1))).Events;

    /// <summary>
    /// One page of events, newest first, filtered in the database by event name and by account (who did it,
    /// whatever the case typed), so that no flood of one kind of event can push the others out of reach.
    /// </summary>
    public async Task<AuditPage> PageAsync(AuditQuery query)
    {
        var events = database.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Event))
        {
            var name = query.Event.Trim();
            events = events.Where(e => e.Event == name);
        }

        if (!string.IsNullOrWhiteSpace(query.Account))
        {
            var account = query.Account.Trim().ToLowerInvariant();
            // In SQL: lower() on both providers. string.Equals with a StringComparison has no SQL translation.
#pragma warning disable CA1862
            events = events.Where(e => e.Actor != null && e.Actor.ToLower() == account);
#pragma warning restore CA1862
        }

        var page = Math.Max(1, query.Page);
        // One more than a page, to know whether an older page exists without counting them all.
        var rows = await events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        return new([.. rows.Take(PageSize)], page, rows.Count > PageSize);
    }

    // Typed-in text (a mistyped email at sign-in) is kept short and free of control characters.
    private static string Limit(string text, int length) => LogSafeText.Escape(text.Length > length ? text[..length] : text);
}
