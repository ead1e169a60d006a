-- Imports, their staged users and diagnostics, the invitations they create, the invitation
-- lifecycle (tokens, members, the email outbox) and the audit trail: the meaning of the SQLite
-- schema after its 0005, in PostgreSQL's types. Times are Unix milliseconds (UTC), as in SQLite,
-- so both stores order and compare them alike. Keys and addresses compare byte by byte
-- (COLLATE "C"), as SQLite compares them, whatever the database's default collation.
-- Forward-only: a later change is a new numbered script.

CREATE TABLE imports (
    import_id        text COLLATE "C" NOT NULL PRIMARY KEY,
    organization_id  text COLLATE "C" NOT NULL,
    file_name        text    NOT NULL,
    format           integer NOT NULL,
    size_bytes       bigint  NOT NULL,
    sha256           text    NOT NULL,
    state            integer NOT NULL,
    total_rows       integer NOT NULL DEFAULT 0,
    valid_rows       integer NOT NULL DEFAULT 0,
    invalid_rows     integer NOT NULL DEFAULT 0,
    invited_count    integer NOT NULL DEFAULT 0,
    skipped_count    integer NOT NULL DEFAULT 0,
    permissions      text    NOT NULL DEFAULT '[]', -- JSON array of permission ids, sorted
    apply_request_id text    NULL,
    create_time      bigint  NOT NULL,
    update_time      bigint  NOT NULL
);

CREATE INDEX ix_imports_organization_newest ON imports (organization_id, create_time DESC, import_id DESC);

-- The retention purge looks for old imports that were never applied.
CREATE INDEX ix_imports_state_created ON imports (state, create_time);

-- Valid rows, one per address (the check finds duplicates), in row order.
CREATE TABLE staged_users (
    import_id        text COLLATE "C" NOT NULL REFERENCES imports (import_id) ON DELETE CASCADE,
    row_number       integer NOT NULL,
    normalized_email text COLLATE "C" NOT NULL,
    email            text    NOT NULL,
    first_name       text    NOT NULL,
    last_name        text    NOT NULL,
    description      text    NULL,
    is_valid         boolean NOT NULL,
    PRIMARY KEY (import_id, row_number)
);

-- sequence keeps the order diagnostics were found in; row_number 0 is the file as a whole.
CREATE TABLE diagnostics (
    sequence    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    import_id   text COLLATE "C" NOT NULL REFERENCES imports (import_id) ON DELETE CASCADE,
    row_number  integer NOT NULL,
    column_name text    NOT NULL,
    code        integer NOT NULL,
    severity    integer NOT NULL,
    message     text    NOT NULL,
    value       text    NOT NULL
);

CREATE INDEX ix_diagnostics_import_row ON diagnostics (import_id, row_number, sequence);

-- Invitations outlive the import that created them, so import_id is not a foreign key.
-- Statuses: 'pending', 'accepted', 'revoked', 'expired'. A pending invitation whose expire_time has
-- passed is expired even while still stored as 'pending'; the apply transaction stores it as
-- 'expired' before inviting, so it never blocks a new invitation through the index below.
CREATE TABLE invitations (
    invitation_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id  text COLLATE "C" NOT NULL,
    import_id        text COLLATE "C" NOT NULL,
    email            text   NOT NULL,
    normalized_email text COLLATE "C" NOT NULL,
    first_name       text   NOT NULL,
    last_name        text   NOT NULL,
    description      text   NULL,
    permissions      text   NOT NULL, -- JSON array of permission ids, sorted
    status           text   NOT NULL,
    inviter          text   NOT NULL, -- the sub of who applied
    create_time      bigint NOT NULL,
    expire_time      bigint NOT NULL,
    update_time      bigint NOT NULL
);

-- An address is invited at most once per organization while an invitation is pending, even when
-- two imports are applied at the same moment on two servers: the apply inserts with
-- ON CONFLICT (organization_id, normalized_email) WHERE status = 'pending' DO NOTHING.
CREATE UNIQUE INDEX ux_invitations_pending_address ON invitations (organization_id, normalized_email) WHERE status = 'pending';

CREATE INDEX ix_invitations_import ON invitations (import_id);
CREATE INDEX ix_invitations_organization_newest ON invitations (organization_id, invitation_id DESC);

-- Only the SHA-256 of each token is kept. A new email adds a token and marks the earlier ones
-- replaced, so an old link is refused with a reason rather than as unknown.
CREATE TABLE invitation_tokens (
    token_hash    text   NOT NULL PRIMARY KEY,
    invitation_id bigint NOT NULL REFERENCES invitations (invitation_id),
    create_time   bigint NOT NULL,
    replace_time  bigint NULL
);

CREATE INDEX ix_invitation_tokens_invitation ON invitation_tokens (invitation_id);

-- One member per address in an organization: what an accepted invitation makes.
CREATE TABLE members (
    organization_id  text COLLATE "C" NOT NULL,
    normalized_email text COLLATE "C" NOT NULL,
    email            text   NOT NULL,
    first_name       text   NOT NULL,
    last_name        text   NOT NULL,
    permissions      text   NOT NULL, -- JSON array of permission ids, sorted
    invitation_id    bigint NOT NULL REFERENCES invitations (invitation_id),
    join_time        bigint NOT NULL,
    PRIMARY KEY (organization_id, normalized_email)
);

-- One row per invitation email, written in the transaction that creates or resends the
-- invitation. A dispatcher claims due rows (FOR UPDATE SKIP LOCKED, so the dispatchers of several
-- servers never claim the same row; attempts + 1, next_attempt_time pushed past the claim), sends
-- them, then marks each 'sent'; a 'sent' row is never claimed again.
CREATE TABLE invitation_outbox (
    message_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invitation_id     bigint  NOT NULL REFERENCES invitations (invitation_id),
    state             text    NOT NULL, -- 'queued', 'sent', 'failed' (gave up) or 'cancelled'
    attempts          integer NOT NULL DEFAULT 0,
    last_error        text    NOT NULL DEFAULT '',
    create_time       bigint  NOT NULL,
    next_attempt_time bigint  NOT NULL,
    sent_time         bigint  NULL
);

CREATE INDEX ix_invitation_outbox_due ON invitation_outbox (next_attempt_time, message_id) WHERE state = 'queued';
CREATE INDEX ix_invitation_outbox_invitation ON invitation_outbox (invitation_id, message_id);

-- The audit trail: who uploaded, checked, applied, deleted or purged which import, and who revoked,
-- resent or accepted which invitation, when, with which permissions and counts. Written in the same
-- transaction as the change it records.
CREATE TABLE audit_events (
    event_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    time            bigint  NOT NULL,
    organization_id text COLLATE "C" NOT NULL,
    actor           text    NOT NULL,
    action          integer NOT NULL,
    import_id       text    NOT NULL,
    file_name       text    NOT NULL,
    permissions     text    NOT NULL, -- JSON array of permission ids
    total_rows      integer NOT NULL,
    valid_rows      integer NOT NULL,
    invalid_rows    integer NOT NULL,
    invited_count   integer NOT NULL,
    skipped_count   integer NOT NULL,
    invitation_id   text    NOT NULL DEFAULT ''
);

CREATE INDEX ix_audit_events_organization_newest ON audit_events (organization_id, event_id DESC);
