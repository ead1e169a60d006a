using BulkInvite.Core.Access;
using BulkInvite.Core.Auditing;
using BulkInvite.Core.Invitations;
using BulkInvite.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace BulkInvite.Core.Importing;

/// <summary>
/// ApplyPermissions (user_import_service.proto): grants one set of permissions to every valid row
/// of a CHECKED import and invites them, all or nothing, exactly once.
/// </summary>
public sealed class PermissionApplier(IImportRepository imports, IUploadStore files, PermissionCatalog catalog, OutboxSignal signal, BulkInviteOptions options, TimeProvider clock, BulkInviteTelemetry telemetry, ILogger<PermissionApplier> logger)
{
    /// <summary>
    /// Applies as the caller: they must be an inviter and may grant only permissions they hold, checked
    /// here, at apply time, whatever they held when the file was uploaded.
    /// </summary>
    public async Task<ImportRecord> ApplyAsync(Caller caller, ApplyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        AccessRules.RequireInviter(caller);
        ImportIds.Require(request.ImportId);
        request.Validate();

        var granted = catalog.Validate(request.Permissions);
        AccessRules.RequireGrantable(caller, granted);
        var requestId = string.IsNullOrEmpty(request.RequestId) ? null : request.RequestId;
        var batch = new InvitationBatch(caller.Subject, request.InvitationLifetime ?? options.InvitationLifetime)
        {
            InviterDisplayName = caller.DisplayName,
            OrganizationDisplayName = options.OrganizationDisplayName(caller),
            PersonalMessage = request.StoredPersonalMessage,
        };
        // The transaction waits for other writers (a concurrent apply of the same import among them).
        var applied = await Task.Run(() => Apply(caller, request.ImportId, granted, requestId, batch, request.ConfirmPrivilegedPermissions), cancellationToken);
        // The file is not needed once applied (the rows hold what was read): keep no copy of personal
        // data longer than that. The delete happens after the commit and never fails the call: the
        // answer is what was committed, and a retry returns it too; what is left the sweep deletes.
        StoredFileCleanup.DeleteOrLeaveToSweep(files, request.ImportId, logger);
        signal.Notify(); // the invitation emails are queued: wake the dispatcher
        return applied;
    }

    private ImportRecord Apply(Caller caller, string importId, IReadOnlyList<string> granted, string? requestId, InvitationBatch batch, bool privilegedConfirmed)
    {
        using var transaction = imports.BeginApply(importId);
        var import = transaction.Import.VisibleTo(caller, importId);
        switch (import.State)
        {
            case ImportState.Applied when (requestId is not null && requestId == import.ApplyRequestId) || granted.SequenceEqual(import.Permissions):
                return import; // a retry, or the loser of two concurrent calls: the stored result, nobody invited again
            case ImportState.Applied:
                throw new ImportStateException(importId, ErrorReason.ImportAlreadyApplied,
                    $"The import was already applied with the permissions {string.Join(", ", import.Permissions)}; it cannot be applied again with others. Upload the file again to grant other permissions.");
            case ImportState.Uploaded:
                throw new ImportStateException(importId, ErrorReason.ImportNotChecked, "The import has not been checked yet: call CheckImport first, then apply.");
            case ImportState.Rejected:
                throw new ImportStateException(importId, ErrorReason.ImportRejected, "The file was rejected by the check, so nobody can be invited from it. Fix the file diagnostics and upload it again.");
        }

        // After the retries above: a retry returns what was applied, confirmed or not.
        if (!privilegedConfirmed)
        {
            PrivilegedGrant.RequireConfirmed(catalog, importId, granted, import.ValidRows, batch.OrganizationDisplayName);
        }

        using var phase = telemetry.StartPhase(ImportPhase.Apply, importId, import.OrganizationId);
        var now = clock.Now();
        var invited = transaction.InviteValidUsers(granted, batch, now);
        var skipped = import.ValidRows - invited;
        var skippedMembers = skipped > 0 ? transaction.CountSkippedMembers() : 0;
        var applied = import with
        {
            State = ImportState.Applied,
            InvitedCount = invited,
            SkippedCount = skipped,
            SkippedAlreadyInvitedCount = skipped - skippedMembers,
            SkippedAlreadyMemberCount = skippedMembers,
            Permissions = granted,
            ApplyRequestId = requestId,
            UpdateTime = now,
        };
        var stored = transaction.Complete(applied, AuditEvents.For(applied, caller, AuditAction.Applied, now));
        phase.Succeeded("applied", new Dictionary<string, long>
        {
            ["rows.valid"] = stored.ValidRows,
            ["invited"] = stored.InvitedCount,
            ["skipped"] = stored.SkippedCount,
            ["permissions"] = stored.Permissions.Count,
        });
        return stored;
    }
}
