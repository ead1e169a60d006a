-- The audit trail: who uploaded, checked, applied, deleted or purged which import, when, with which
-- permissions and counts. Written in the same transaction as the change it records.

CREATE TABLE audit_events (
    event_id        INTEGER NOT NULL PRIMARY KEY,
    time            INTEGER NOT NULL,
    organization_id TEXT    NOT NULL,
    actor           TEXT    NOT NULL,
    action          INTEGER NOT NULL,
    import_id       TEXT    NOT NULL,
    file_name       TEXT    NOT NULL,
    permissions     TEXT    NOT NULL, -- JSON array of permission ids
    total_rows      INTEGER NOT NULL,
    valid_rows      INTEGER NOT NULL,
    invalid_rows    INTEGER NOT NULL,
    invited_count   INTEGER NOT NULL,
    skipped_count   INTEGER NOT NULL
);

CREATE INDEX ix_audit_events_organization_newest ON audit_events (organization_id, event_id DESC);

-- The retention purge looks for old imports that were never applied.
CREATE INDEX ix_imports_state_created ON imports (state, create_time);
