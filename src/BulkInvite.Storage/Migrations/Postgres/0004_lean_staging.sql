-- Lean staging (issue 14): every import gets an integer key, and the rows a check stores and its
-- diagnostics carry that key instead of the 32-hex import id. Keys come from a sequence, so a check
-- can store rows before its import row exists (a check that runs while the file uploads). Neither
-- table has a foreign key any more: each inserted row would probe imports, and deleting an import
-- deletes its rows and diagnostics itself. Every checked row is kept, valid or not, with its values
-- (normalized_email is null when the address is invalid), so what the check saw stays reachable by
-- import and row number.

CREATE SEQUENCE import_keys AS bigint;

ALTER TABLE imports ADD COLUMN import_key bigint;
UPDATE imports SET import_key = nextval('import_keys');
ALTER TABLE imports ALTER COLUMN import_key SET NOT NULL;
ALTER TABLE imports ADD CONSTRAINT ux_imports_key UNIQUE (import_key);

CREATE TABLE import_rows (
    import_key       bigint  NOT NULL,
    row_number       integer NOT NULL,
    email            text    NOT NULL,
    first_name       text    NOT NULL,
    last_name        text    NOT NULL,
    description      text    NULL,
    normalized_email text COLLATE "C" NULL,
    is_valid         boolean NOT NULL,
    PRIMARY KEY (import_key, row_number)
);

INSERT INTO import_rows (import_key, row_number, email, first_name, last_name, description, normalized_email, is_valid)
SELECT i.import_key, s.row_number, s.email, s.first_name, s.last_name, s.description, s.normalized_email, s.is_valid
FROM staged_users s JOIN imports i ON i.import_id = s.import_id;

DROP TABLE staged_users;

ALTER TABLE diagnostics ADD COLUMN import_key bigint;
UPDATE diagnostics d SET import_key = i.import_key FROM imports i WHERE i.import_id = d.import_id;
ALTER TABLE diagnostics ALTER COLUMN import_key SET NOT NULL;
DROP INDEX ix_diagnostics_import_row;
ALTER TABLE diagnostics DROP COLUMN import_id;
CREATE INDEX ix_diagnostics_import_row ON diagnostics (import_key, row_number, sequence);
