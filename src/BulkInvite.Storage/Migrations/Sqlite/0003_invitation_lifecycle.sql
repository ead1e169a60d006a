-- The invitation lifecycle: accept tokens, members, the email outbox, and invitation audit entries.
-- Invitation statuses are now 'pending', 'accepted', 'revoked' and 'expired'. A pending invitation
-- whose expire_time has passed is expired even while still stored as 'pending'; the apply
-- transaction stores it as 'expired' before inviting, so it never blocks a new invitation through
-- ux_invitations_pending_address.

ALTER TABLE invitations ADD COLUMN inviter TEXT NOT NULL DEFAULT '';   -- the sub of who applied
ALTER TABLE invitations ADD COLUMN update_time INTEGER NOT NULL DEFAULT 0;
UPDATE invitations SET update_time = create_time;

CREATE INDEX ix_invitations_organization_newest ON invitations (organization_id, invitation_id DESC);

-- Only the SHA-256 of each token is kept. A resend adds a token and marks the previous one
-- replaced, so an old link is refused with a reason rather than as unknown.
CREATE TABLE invitation_tokens (
    token_hash    TEXT    NOT NULL PRIMARY KEY,
    invitation_id INTEGER NOT NULL REFERENCES invitations (invitation_id),
    create_time   INTEGER NOT NULL,
    replace_time  INTEGER NULL
) WITHOUT ROWID;

CREATE INDEX ix_invitation_tokens_invitation ON invitation_tokens (invitation_id);

-- One member per address in an organization: what an accepted invitation makes.
CREATE TABLE members (
    organization_id  TEXT    NOT NULL,
    normalized_email TEXT    NOT NULL,
    email            TEXT    NOT NULL,
    first_name       TEXT    NOT NULL,
    last_name        TEXT    NOT NULL,
    permissions      TEXT    NOT NULL, -- JSON array of permission ids, sorted
    invitation_id    INTEGER NOT NULL REFERENCES invitations (invitation_id),
    join_time        INTEGER NOT NULL,
    PRIMARY KEY (organization_id, normalized_email)
) WITHOUT ROWID;

-- One row per invitation email, written in the transaction that creates or resends the
-- invitation. The dispatcher claims a due row (attempts + 1, next_attempt_time pushed past the
-- claim), sends it, then marks it 'sent'; a 'sent' row is never claimed again. accept_token is
-- the only copy of the token outside the email, erased once the row is sent, failed or cancelled.
CREATE TABLE invitation_outbox (
    message_id        INTEGER NOT NULL PRIMARY KEY,
    invitation_id     INTEGER NOT NULL REFERENCES invitations (invitation_id),
    accept_token      TEXT    NULL,
    state             TEXT    NOT NULL, -- 'queued', 'sent', 'failed' (gave up) or 'cancelled'
    attempts          INTEGER NOT NULL DEFAULT 0,
    last_error        TEXT    NOT NULL DEFAULT '',
    create_time       INTEGER NOT NULL,
    next_attempt_time INTEGER NOT NULL,
    sent_time         INTEGER NULL
);

CREATE INDEX ix_invitation_outbox_due ON invitation_outbox (next_attempt_time, message_id) WHERE state = 'queued';
CREATE INDEX ix_invitation_outbox_invitation ON invitation_outbox (invitation_id, message_id);

ALTER TABLE audit_events ADD COLUMN invitation_id TEXT NOT NULL DEFAULT '';
