-- Imports, their staged users and diagnostics, and the invitations they create.
-- Times are Unix milliseconds (UTC). Forward-only: a later change is a new numbered script.

CREATE TABLE imports (
    import_id        TEXT    NOT NULL PRIMARY KEY,
    organization_id  TEXT    NOT NULL,
    file_name        TEXT    NOT NULL,
    format           INTEGER NOT NULL,
    size_bytes       INTEGER NOT NULL,
    sha256           TEXT    NOT NULL,
    state            INTEGER NOT NULL,
    total_rows       INTEGER NOT NULL DEFAULT 0,
    valid_rows       INTEGER NOT NULL DEFAULT 0,
    invalid_rows     INTEGER NOT NULL DEFAULT 0,
    invited_count    INTEGER NOT NULL DEFAULT 0,
    skipped_count    INTEGER NOT NULL DEFAULT 0,
    permissions      TEXT    NOT NULL DEFAULT '[]', -- JSON array of permission ids, sorted
    apply_request_id TEXT    NULL,
    create_time      INTEGER NOT NULL,
    update_time      INTEGER NOT NULL
);

CREATE INDEX ix_imports_organization_newest ON imports (organization_id, create_time DESC, import_id DESC);

-- Rows whose address is valid, one per address: the primary key is what finds duplicates.
CREATE TABLE staged_users (
    import_id        TEXT    NOT NULL REFERENCES imports (import_id) ON DELETE CASCADE,
    normalized_email TEXT    NOT NULL,
    row_number       INTEGER NOT NULL,
    email            TEXT    NOT NULL,
    first_name       TEXT    NOT NULL,
    last_name        TEXT    NOT NULL,
    description      TEXT    NULL,
    is_valid         INTEGER NOT NULL,
    PRIMARY KEY (import_id, normalized_email)
) WITHOUT ROWID;

-- sequence keeps the order diagnostics were found in; row_number 0 is the file as a whole.
CREATE TABLE diagnostics (
    sequence    INTEGER NOT NULL PRIMARY KEY,
    import_id   TEXT    NOT NULL REFERENCES imports (import_id) ON DELETE CASCADE,
    row_number  INTEGER NOT NULL,
    column_name TEXT    NOT NULL,
    code        INTEGER NOT NULL,
    severity    INTEGER NOT NULL,
    message     TEXT    NOT NULL,
    value       TEXT    NOT NULL
);

CREATE INDEX ix_diagnostics_import_row ON diagnostics (import_id, row_number, sequence);

-- Invitations outlive the import that created them, so import_id is not a foreign key.
CREATE TABLE invitations (
    invitation_id    INTEGER NOT NULL PRIMARY KEY,
    organization_id  TEXT    NOT NULL,
    import_id        TEXT    NOT NULL,
    email            TEXT    NOT NULL,
    normalized_email TEXT    NOT NULL,
    first_name       TEXT    NOT NULL,
    last_name        TEXT    NOT NULL,
    description      TEXT    NULL,
    permissions      TEXT    NOT NULL, -- JSON array of permission ids, sorted
    status           TEXT    NOT NULL, -- 'pending'
    create_time      INTEGER NOT NULL,
    expire_time      INTEGER NOT NULL
);

-- An address is invited at most once per organization while an invitation is pending, even when
-- two imports are applied at the same moment.
CREATE UNIQUE INDEX ux_invitations_pending_address ON invitations (organization_id, normalized_email) WHERE status = 'pending';

CREATE INDEX ix_invitations_import ON invitations (import_id);
