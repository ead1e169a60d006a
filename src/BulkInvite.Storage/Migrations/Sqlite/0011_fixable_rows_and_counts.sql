-- Rows fixed in place, the check's finer counts and its column mapping (issue 15, sections 2 and 3).
-- imports: the counts the check and the apply tell apart (valid rows with a warning, rows that an
-- apply would skip and why, rows it skipped and why) and how the header's columns were mapped (a
-- JSON array of {Position, Header, Field}; null before the check or for a file rejected before its
-- header was read). import_rows: a row's revision, null until its first edit (read as 1), so the
-- check writes nothing more per row. audit_events: the rows an edit or a removal touched (never
-- their values), as a JSON array.

ALTER TABLE imports ADD COLUMN warning_rows INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN already_invited_rows INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN already_member_rows INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN skipped_already_invited_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN skipped_already_member_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN column_mappings TEXT NULL;

ALTER TABLE import_rows ADD COLUMN revision INTEGER NULL;

ALTER TABLE audit_events ADD COLUMN row_numbers TEXT NOT NULL DEFAULT '[]';
