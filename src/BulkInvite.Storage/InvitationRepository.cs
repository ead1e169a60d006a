using System.Data.Common;
using BulkInvite.Core.Invitations;
using BulkInvite.Storage.Rows;
using Dapper;

namespace BulkInvite.Storage;

/// <summary>Invitations, their tokens and members, through Dapper.</summary>
internal sealed class InvitationRepository(StoreDialect dialect) : Repository(dialect), IInvitationRepository
{
    /// <summary>How many of an organization's apply keys one query of the listing reads.</summary>
    private const int ApplyKeysPerQuery = 50;

    // A pending invitation past its expiry is listed as expired, whatever is stored.
    private const string StatusIs =
        "(@status = 0 " +
        "OR (@status = 1 AND i.status = 'pending' AND i.expire_time > @now) " +
        "OR (@status = 2 AND i.status = 'accepted') " +
        "OR (@status = 3 AND i.status = 'revoked') " +
        "OR (@status = 4 AND (i.status = 'expired' OR (i.status = 'pending' AND i.expire_time <= @now))))";

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
        var before = beforeId ?? long.MaxValue;
        var page = new List<InvitationRecord>(limit);
        if (filter.ImportId is { } importId)
        {
            // An import's invitations are the id range of its apply (none before it is applied), or for
            // one applied before migration 0008, those invitations_before_0007 names.
            var applyKey = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT apply_key FROM imports WHERE import_id = @importId", new { importId }, cancellationToken: cancellationToken));
            await (applyKey is { } key
                ? AddRangeAsync(connection, page, filter, now, InvitationPerson.IdOf(key, 0), Math.Min(InvitationPerson.IdOf(key + 1, 0), before), limit, cancellationToken)
                : AddBeforeAppliesAsync(connection, page, filter, now, before, limit, cancellationToken));
            return page;
        }

        // Newest first: the organization's applies from the newest down, each one's id range from its
        // top down, then what was invited before migration 0008 (ids below 2^32). No index of the
        // invitations by organization is needed, so an apply writes none.
        var highestKey = (before - 1) / InvitationPerson.RowsPerApply;
        while (page.Count < limit)
        {
            var keys = (await connection.QueryAsync<long>(new CommandDefinition(
                "SELECT apply_key FROM imports WHERE organization_id = @OrganizationId AND apply_key IS NOT NULL AND apply_key <= @highestKey " +
                "ORDER BY apply_key DESC LIMIT @batch",
                new { filter.OrganizationId, highestKey, batch = ApplyKeysPerQuery }, cancellationToken: cancellationToken))).ToList();
            foreach (var key in keys)
            {
                await AddRangeAsync(connection, page, filter, now, InvitationPerson.IdOf(key, 0), Math.Min(InvitationPerson.IdOf(key + 1, 0), before), limit, cancellationToken);
                if (page.Count == limit)
                {
                    return page;
                }
            }

            if (keys.Count < ApplyKeysPerQuery)
            {
                break;
            }

            highestKey = keys[^1] - 1;
        }

        await AddBeforeAppliesAsync(connection, page, filter, now, before, limit, cancellationToken);
        return page;
    }

    /// <summary>Adds, newest first, the invitations with ids from <paramref name="fromId"/> up to <paramref name="toId"/> (excluded), up to the page's size.</summary>
    private static async Task AddRangeAsync(
        DbConnection connection, List<InvitationRecord> page, InvitationFilter filter, DateTimeOffset now, long fromId, long toId, int limit, CancellationToken cancellationToken)
    {
        if (fromId >= toId)
        {
            return;
        }

        var rows = await connection.QueryAsync<InvitationRow>(new CommandDefinition(
            InvitationRow.Select +
            $"WHERE i.invitation_id >= @fromId AND i.invitation_id < @toId AND i.organization_id = @OrganizationId AND {StatusIs} " +
            "ORDER BY i.invitation_id DESC LIMIT @remaining",
            new { fromId, toId, filter.OrganizationId, status = (int)filter.Status, now = now.ToUnixTimeMilliseconds(), remaining = limit - page.Count },
            cancellationToken: cancellationToken));
        page.AddRange(rows.Select(r => r.ToRecord()));
    }

    /// <summary>
    /// Adds, newest first, invitations made before migration 0008 (ids below 2^32), through the partial
    /// index that holds only those: the organization's, or one import's (its invitations_before_0007 rows).
    /// </summary>
    private static async Task AddBeforeAppliesAsync(
        DbConnection connection, List<InvitationRecord> page, InvitationFilter filter, DateTimeOffset now, long before, int limit, CancellationToken cancellationToken)
    {
        if (page.Count == limit)
        {
            return;
        }

        var rows = await connection.QueryAsync<InvitationRow>(new CommandDefinition(
            InvitationRow.Select +
            "WHERE i.organization_id = @OrganizationId AND i.invitation_id < 4294967296 AND i.invitation_id < @before " +
            "AND (CAST(@ImportId AS TEXT) IS NULL OR i.invitation_id IN (SELECT x.invitation_id FROM invitations_before_0007 x WHERE x.import_id = CAST(@ImportId AS TEXT))) " +
            $"AND {StatusIs} ORDER BY i.invitation_id DESC LIMIT @remaining",
            new { filter.OrganizationId, filter.ImportId, before, status = (int)filter.Status, now = now.ToUnixTimeMilliseconds(), remaining = limit - page.Count },
            cancellationToken: cancellationToken));
        page.AddRange(rows.Select(r => r.ToRecord()));
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
