-- Resumable uploads (StartResumableUpload … WriteUpload): one row per upload, its bytes in the
-- uploads folder as "{upload_id}.part", appended and flushed to disk before persisted_size says
-- they are there. A finished upload names its import (which takes the upload's id, and its file is
-- the part renamed "{upload_id}.upload"), so a repeated finishing write returns the same import.
-- An upload in progress whose last_write_time is older than the idle timeout has expired; the
-- sweep deletes it and its part. Times are Unix milliseconds (UTC).

CREATE TABLE resumable_uploads (
    upload_id       TEXT    NOT NULL PRIMARY KEY,
    organization_id TEXT    NOT NULL,
    subject         TEXT    NOT NULL, -- the sub of who started it
    file_name       TEXT    NOT NULL,
    size_bytes      INTEGER NOT NULL, -- as declared; 0 for none
    sha256          TEXT    NOT NULL, -- as declared; '' for none
    persisted_size  INTEGER NOT NULL,
    start_time      INTEGER NOT NULL,
    last_write_time INTEGER NOT NULL,
    import_id       TEXT    NULL      -- set once finished
);

-- Counting an organization's uploads in progress (its upload slots), and finding expired ones.
CREATE INDEX ix_resumable_uploads_in_progress ON resumable_uploads (organization_id, last_write_time) WHERE import_id IS NULL;
CREATE INDEX ix_resumable_uploads_last_write ON resumable_uploads (last_write_time);
