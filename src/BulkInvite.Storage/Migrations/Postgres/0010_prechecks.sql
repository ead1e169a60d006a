-- A check that runs while its file uploads (issue 14, lever 5; BulkInvite:CheckWhileUploading).
-- It reserves the import's key before the import row exists and stages rows and diagnostics under
-- it in short transactions, each of which first locks its row here: deleting the row (as
-- CheckImport, the deletion of the import or the sweep do, on any server) stops the pre-check at
-- its next transaction. Once state is 1 (complete) the row holds the result CheckImport completes
-- the import with. update_time moves at every transaction, so the sweep can tell a stalled one.

CREATE TABLE prechecks (
    import_id       text    NOT NULL PRIMARY KEY,
    import_key      bigint  NOT NULL UNIQUE,
    state           integer NOT NULL,
    total_rows      integer NOT NULL DEFAULT 0,
    valid_rows      integer NOT NULL DEFAULT 0,
    invalid_rows    integer NOT NULL DEFAULT 0,
    column_mappings text    NULL,
    start_time      bigint  NOT NULL,
    update_time     bigint  NOT NULL
);
