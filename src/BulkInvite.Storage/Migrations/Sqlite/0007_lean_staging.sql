-- Lean staging (issue 14): every import gets an integer key, and the rows a check stores and its
-- diagnostics carry that key instead of the 32-hex import id. Keys come from import_key_sequence,
-- so a check can store rows before its import row exists (a check that runs while the file
-- uploads). Neither table has a foreign key any more: each inserted row would probe imports, and
-- deleting an import deletes its rows and diagnostics itself. Every checked row is kept, valid or
-- not, with its values (normalized_email is null when the address is invalid), so what the check
-- saw stays reachable by import and row number.

CREATE TABLE import_rows (
    import_key       INTEGER NOT NULL,
    row_number       INTEGER NOT NULL,
    email            TEXT    NOT NULL,
    first_name       TEXT    NOT NULL,
    last_name        TEXT    NOT NULL,
    description      TEXT    NULL,
    normalized_email TEXT    NULL,
    is_valid         INTEGER NOT NULL,
    PRIMARY KEY (import_key, row_number)
) WITHOUT ROWID;

INSERT INTO import_rows (import_key, row_number, email, first_name, last_name, description, normalized_email, is_valid)
SELECT i.rowid, s.row_number, s.email, s.first_name, s.last_name, s.description, s.normalized_email, s.is_valid
FROM staged_users s JOIN imports i ON i.import_id = s.import_id;

DROP TABLE staged_users;

-- sequence keeps the order diagnostics were found in; row_number 0 is the file as a whole.
CREATE TABLE keyed_diagnostics (
    sequence    INTEGER NOT NULL PRIMARY KEY,
    import_key  INTEGER NOT NULL,
    row_number  INTEGER NOT NULL,
    column_name TEXT    NOT NULL,
    code        INTEGER NOT NULL,
    severity    INTEGER NOT NULL,
    message     TEXT    NOT NULL,
    value       TEXT    NOT NULL
);

INSERT INTO keyed_diagnostics (sequence, import_key, row_number, column_name, code, severity, message, value)
SELECT d.sequence, i.rowid, d.row_number, d.column_name, d.code, d.severity, d.message, d.value
FROM diagnostics d JOIN imports i ON i.import_id = d.import_id;

DROP TABLE diagnostics;

ALTER TABLE keyed_diagnostics RENAME TO diagnostics;

CREATE INDEX ix_diagnostics_import_row ON diagnostics (import_key, row_number, sequence);

-- Nothing refers to imports by a foreign key now, so it can be rebuilt with its key column.
CREATE TABLE keyed_imports (
    import_id        TEXT    NOT NULL PRIMARY KEY,
    import_key       INTEGER NOT NULL UNIQUE,
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

INSERT INTO keyed_imports (import_id, import_key, organization_id, file_name, format, size_bytes, sha256, state, total_rows, valid_rows,
    invalid_rows, invited_count, skipped_count, permissions, apply_request_id, create_time, update_time)
SELECT import_id, rowid, organization_id, file_name, format, size_bytes, sha256, state, total_rows, valid_rows,
    invalid_rows, invited_count, skipped_count, permissions, apply_request_id, create_time, update_time
FROM imports;

DROP TABLE imports;

ALTER TABLE keyed_imports RENAME TO imports;

CREATE INDEX ix_imports_organization_newest ON imports (organization_id, create_time DESC, import_id DESC);
CREATE INDEX ix_imports_state_created ON imports (state, create_time);

-- The last import key handed out; the next is one more (SQLite has no sequences).
CREATE TABLE import_key_sequence (last_key INTEGER NOT NULL);

INSERT INTO import_key_sequence (last_key) SELECT COALESCE(MAX(import_key), 0) FROM imports;
