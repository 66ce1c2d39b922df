using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff.Audit;
using HeadacheInfo.Web.Staff.Database;
using HeadacheInfo.Web.Staff.Publishing;
using HeadacheInfo.Web.SymptomCheck;
using Microsoft.AspNetCore.Identity;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// A reviewer signs off the symptom check. The sign-off is an audit row (<see cref="CheckSignOff.AuditEvent"/>,
/// the fingerprint and the title in its detail), append-only like every audit row: no table of its own. This
/// instance builds its snapshot again at once; with PostgreSQL a publish log row (<see cref="PublishLogKinds.CheckSignedOff"/>)
/// wakes every other instance, whose reload reads the same audit row.
/// </summary>
public sealed class CheckSignOffs(
    StaffDbContext database, AuditLog audit, UserManager<StaffUser> users, PublishChannel channel, ContentStore store,
    CheckSignOffPart part, TimeProvider time)
{
    /// <summary>The check's fingerprint in this build.</summary>
    public string Fingerprint => part.Fingerprint;

    /// <summary>The sign-off as the audit log has it now (the snapshot's copy may be a moment behind).</summary>
    public Task<CheckSignOff> ReadAsync() => part.ReadAsync();

    /// <param name="seenFingerprint">The fingerprint of the check the reviewer read.</param>
    public async Task<WorkflowResult> SignAsync(StaffUser reviewer, string? seenFingerprint)
    {
        if (EditorialRules.Check(EditorialAction.SignOffCheck, await EditorialActors.ForAsync(users, reviewer)) is { } refused)
        {
            return RefusalWords.Forbidden(refused, EditorialAction.SignOffCheck);
        }

        if (!string.Equals(seenFingerprint, Fingerprint, StringComparison.Ordinal))
        {
            return WorkflowResult.Conflict("The symptom check changed after you opened this page. Read it again, then sign it off.");
        }

        await using (var transaction = await database.Database.BeginTransactionAsync())
        {
            await audit.RecordAsync(CheckSignOff.AuditEvent, reviewer.Email, CheckSignOff.Detail(Fingerprint, reviewer.PublicTitle));
            if (channel.Shared)
            {
                await PublishChannel.AppendAsync(database,
                    [channel.Row(PublishLogKinds.CheckSignedOff, PublishLogKinds.CheckSignedOffName, null, null, Fingerprint, time.GetUtcNow())]);
            }

            await transaction.CommitAsync();
        }

        // Shown here now; the pre-rendered pages and their ETag are built again with it.
        await store.RebuildAsync();
        return WorkflowResult.Done("Signed off. The symptom check, how it works, the home page and the diary now say a clinician checked them.");
    }
}
