-- Uploaded files live in the database, so every server reaches every file. An upload writes its
-- bytes as it receives them, in fixed-size chunks, each committed on its own; the file counts only
-- once the import row naming it is committed (and its chunks add up to the import's size_bytes),
-- so what a server that stopped mid-upload left behind is never taken for a file: no import refers
-- to it, and the retention sweep deletes it once it is older than the retention.

CREATE TABLE uploads (
    import_id       text COLLATE "C" NOT NULL PRIMARY KEY,
    start_time      bigint NOT NULL,
    last_write_time bigint NOT NULL
);

CREATE INDEX ix_uploads_last_write ON uploads (last_write_time);

CREATE TABLE upload_chunks (
    import_id    text COLLATE "C" NOT NULL REFERENCES uploads (import_id) ON DELETE CASCADE,
    chunk_number integer NOT NULL,
    bytes        bytea   NOT NULL,
    PRIMARY KEY (import_id, chunk_number)
);

