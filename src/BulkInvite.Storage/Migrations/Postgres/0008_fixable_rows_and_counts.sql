-- Rows fixed in place, the check's finer counts and its column mapping (issue 15, sections 2 and 3).
-- imports: the counts the check and the apply tell apart (valid rows with a warning, rows that an
-- apply would skip and why, rows it skipped and why) and how the header's columns were mapped (a
-- JSON array of {Position, Header, Field}; null before the check or for a file rejected before its
-- header was read). import_rows: a row's revision, null until its first edit (read as 1), so the
-- check's COPY writes nothing more per row. audit_events: the rows an edit or a removal touched
-- (never their values), as a JSON array.

ALTER TABLE imports
    ADD COLUMN warning_rows integer NOT NULL DEFAULT 0,
    ADD COLUMN already_invited_rows integer NOT NULL DEFAULT 0,
    ADD COLUMN already_member_rows integer NOT NULL DEFAULT 0,
    ADD COLUMN skipped_already_invited_count integer NOT NULL DEFAULT 0,
    ADD COLUMN skipped_already_member_count integer NOT NULL DEFAULT 0,
    ADD COLUMN column_mappings text NULL;

ALTER TABLE import_rows ADD COLUMN revision bigint NULL;

ALTER TABLE audit_events ADD COLUMN row_numbers text NOT NULL DEFAULT '[]';
