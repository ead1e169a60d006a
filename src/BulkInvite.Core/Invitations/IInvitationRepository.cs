using BulkInvite.Core.Auditing;

namespace BulkInvite.Core.Invitations;

/// <summary>Invitations, their tokens and the members they make. Invitations are created by the apply transaction.</summary>
public interface IInvitationRepository
{
    Task<InvitationRecord?> FindAsync(long invitationId, CancellationToken cancellationToken);

    /// <summary>Invitations newest first with ids below <paramref name="beforeId"/>; statuses are compared as of <paramref name="now"/>.</summary>
    Task<IReadOnlyList<InvitationRecord>> ListAsync(InvitationFilter filter, DateTimeOffset now, long? beforeId, int limit, CancellationToken cancellationToken);

    /// <summary>An organization's members by normalized address, after the given one.</summary>
    Task<IReadOnlyList<MemberRecord>> ListMembersAsync(string organizationId, string? afterNormalizedEmail, int limit, CancellationToken cancellationToken);

    /// <summary>Starts the write transaction that revokes or resends one invitation; it waits for other writers.</summary>
    IInvitationTransaction BeginChange(long invitationId);

    /// <summary>Starts the write transaction that accepts the invitation holding the token with this hash.</summary>
    IAcceptTransaction BeginAccept(string tokenHash);

    /// <summary>The invitation holding the token with this hash, read without a lock, or null when none does.</summary>
    Task<TokenHolder?> FindByTokenAsync(string tokenHash, CancellationToken cancellationToken);
}
