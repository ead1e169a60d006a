-- Staged rows keyed by (import, row number) instead of (import, address): a check appends them in
-- row order, which keeps the B-tree writes sequential. Duplicates are found in memory by the check
-- (a hash of each address), so the table no longer needs the address as its key.

CREATE TABLE staged_users_by_row (
    import_id        TEXT    NOT NULL REFERENCES imports (import_id) ON DELETE CASCADE,
    row_number       INTEGER NOT NULL,
    normalized_email TEXT    NOT NULL,
    email            TEXT    NOT NULL,
    first_name       TEXT    NOT NULL,
    last_name        TEXT    NOT NULL,
    description      TEXT    NULL,
    is_valid         INTEGER NOT NULL,
    PRIMARY KEY (import_id, row_number)
) WITHOUT ROWID;

INSERT INTO staged_users_by_row (import_id, row_number, normalized_email, email, first_name, last_name, description, is_valid)
SELECT import_id, row_number, normalized_email, email, first_name, last_name, description, is_valid FROM staged_users;

DROP TABLE staged_users;

ALTER TABLE staged_users_by_row RENAME TO staged_users;
