using BulkInvite.Core.Invitations;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>Invitations, their tokens and members, through Dapper.</summary>
internal sealed class InvitationRepository(StoreDialect dialect) : Repository(dialect), IInvitationRepository
{
    public async Task<InvitationRecord?> FindAsync(long invitationId, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(
            InvitationRow.Select + "WHERE i.invitation_id = @invitationId", new { invitationId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<InvitationRecord>> ListAsync(InvitationFilter filter, DateTimeOffset now, long? beforeId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        // An import's invitations are the id range of its apply (none before it is applied), or for
        // one applied before migration 0007, those invitations_before_0007 names.
        long? applyKey = null;
        if (filter.ImportId is { } importId)
        {
            applyKey = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT apply_key FROM imports WHERE import_id = @importId", new { importId }, cancellationToken: cancellationToken));
        }

        // A pending invitation past its expiry is listed as expired, whatever is stored.
        var rows = await connection.QueryAsync<InvitationRow>(new CommandDefinition(
            InvitationRow.Select +
            "WHERE i.organization_id = @OrganizationId AND i.invitation_id < @beforeId " +
            "AND (CAST(@ImportId AS TEXT) IS NULL " +
            "OR (i.invitation_id >= CAST(@firstId AS BIGINT) AND i.invitation_id < CAST(@afterId AS BIGINT)) " +
            "OR i.invitation_id IN (SELECT x.invitation_id FROM invitations_before_0007 x WHERE x.import_id = CAST(@ImportId AS TEXT))) AND (" +
            "@status = 0 " +
            "OR (@status = 1 AND i.status = 'pending' AND i.expire_time > @now) " +
            "OR (@status = 2 AND i.status = 'accepted') " +
            "OR (@status = 3 AND i.status = 'revoked') " +
            "OR (@status = 4 AND (i.status = 'expired' OR (i.status = 'pending' AND i.expire_time <= @now)))) " +
            "ORDER BY i.invitation_id DESC LIMIT @limit",
            new
            {
                filter.OrganizationId,
                filter.ImportId,
                firstId = applyKey is { } key ? InvitationPerson.IdOf(key, 0) : (long?)null,
                afterId = applyKey is { } next ? InvitationPerson.IdOf(next + 1, 0) : (long?)null,
                status = (int)filter.Status,
                now = now.ToUnixTimeMilliseconds(),
                beforeId = beforeId ?? long.MaxValue,
                limit,
            },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<MemberRecord>> ListMembersAsync(string organizationId, string? afterNormalizedEmail, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MemberRow>(new CommandDefinition(
            $"SELECT {MemberRow.Columns} FROM members WHERE organization_id = @organizationId AND normalized_email > @after " +
            "ORDER BY normalized_email LIMIT @limit",
            new { organizationId, after = afterNormalizedEmail ?? "", limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<TokenHolder?> FindByTokenAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var token = await connection.QuerySingleOrDefaultAsync<(long InvitationId, long? ReplaceTime)?>(new CommandDefinition(
            "SELECT invitation_id, replace_time FROM invitation_tokens WHERE token_hash = @tokenHash", new { tokenHash }, cancellationToken: cancellationToken));
        if (token is not { } found)
        {
            return null;
        }

        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(
            InvitationRow.Select + "WHERE i.invitation_id = @InvitationId", new { found.InvitationId }, cancellationToken: cancellationToken));
        return row is null ? null : new TokenHolder(row.ToRecord(), found.ReplaceTime is not null);
    }

    public IInvitationTransaction BeginChange(long invitationId) =>
        WriteTransaction.Start(new InvitationChangeTransaction(Dialect, Dialect.Open(), invitationId));

    public IAcceptTransaction BeginAccept(string tokenHash) =>
        WriteTransaction.Start(new AcceptTransaction(Dialect, Dialect.Open(), tokenHash));
}
