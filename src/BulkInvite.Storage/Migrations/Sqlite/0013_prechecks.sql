-- A check that runs while its file uploads (issue 14, lever 5; BulkInvite:CheckWhileUploading).
-- It reserves the import's key before the import row exists and stages rows and diagnostics under
-- it in short transactions; its row here says the staging is still wanted (deleting it, as
-- CheckImport, the deletion of the import or the sweep do, stops the pre-check at its next
-- transaction) and, once state is 1 (complete), holds the result CheckImport completes the import
-- with. update_time moves at every transaction, so the sweep can tell a stalled one.

CREATE TABLE prechecks (
    import_id      TEXT    NOT NULL PRIMARY KEY,
    import_key     INTEGER NOT NULL UNIQUE,
    state          INTEGER NOT NULL,
    total_rows     INTEGER NOT NULL DEFAULT 0,
    valid_rows     INTEGER NOT NULL DEFAULT 0,
    invalid_rows   INTEGER NOT NULL DEFAULT 0,
    column_mappings TEXT   NULL,
    start_time     INTEGER NOT NULL,
    update_time    INTEGER NOT NULL
);
