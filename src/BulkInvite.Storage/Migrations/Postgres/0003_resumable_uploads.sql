-- Resumable uploads (StartResumableUpload … WriteUpload): one row per upload; its bytes are chunk
-- rows of the uploads table under the upload's id, one per write, inserted in the transaction that
-- moves persisted_size. A finished upload names its import, which takes the upload's id: the
-- chunks are then the import's file, as an UploadImportFile's are. An upload in progress whose
-- last_write_time is older than the idle timeout has expired; the sweep deletes it and its chunks.
-- Times are Unix milliseconds (UTC), as everywhere in this schema.

CREATE TABLE resumable_uploads (
    upload_id       text COLLATE "C" NOT NULL PRIMARY KEY,
    organization_id text COLLATE "C" NOT NULL,
    subject         text   NOT NULL, -- the sub of who started it
    file_name       text   NOT NULL,
    size_bytes      bigint NOT NULL, -- as declared; 0 for none
    sha256          text   NOT NULL, -- as declared; '' for none
    persisted_size  bigint NOT NULL,
    start_time      bigint NOT NULL,
    last_write_time bigint NOT NULL,
    import_id       text COLLATE "C" NULL -- set once finished
);

-- Counting an organization's uploads in progress (its upload slots), and finding expired ones.
CREATE INDEX ix_resumable_uploads_in_progress ON resumable_uploads (organization_id, last_write_time) WHERE import_id IS NULL;
CREATE INDEX ix_resumable_uploads_last_write ON resumable_uploads (last_write_time);
