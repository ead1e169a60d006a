-- Each person's data is written once (issue 14). An invitation made from now on holds what the
-- invitation itself needs (organization, address key, status, times); its address and names are
-- its import row's, its permissions and inviter its import's. Its id says where: the apply key of
-- its import (imports.apply_key, handed out at apply from import_key_sequence) times 2^32, plus its
-- row number. So the row of an invitation and the invitation of a row are found by key, and ids
-- still grow with each apply (listings are newest first). Invitations made before this script keep
-- their data in invitations_before_0007 (their ids are below 2^32). An applied import keeps its
-- rows; deleting it keeps the import's row (marked deleted) and the rows its invitations read.

ALTER TABLE imports ADD COLUMN apply_key INTEGER NULL;
ALTER TABLE imports ADD COLUMN inviter TEXT NULL; -- the sub of who applied
ALTER TABLE imports ADD COLUMN delete_time INTEGER NULL;

CREATE UNIQUE INDEX ux_imports_apply_key ON imports (apply_key);

CREATE TABLE invitations_before_0007 (
    invitation_id INTEGER NOT NULL PRIMARY KEY REFERENCES invitations (invitation_id),
    import_id     TEXT    NOT NULL,
    email         TEXT    NOT NULL,
    first_name    TEXT    NOT NULL,
    last_name     TEXT    NOT NULL,
    description   TEXT    NULL,
    permissions   TEXT    NOT NULL, -- JSON array of permission ids, sorted
    inviter       TEXT    NOT NULL
);

INSERT INTO invitations_before_0007 (invitation_id, import_id, email, first_name, last_name, description, permissions, inviter)
SELECT invitation_id, import_id, email, first_name, last_name, description, permissions, inviter FROM invitations;

CREATE INDEX ix_invitations_before_0007_import ON invitations_before_0007 (import_id);

DROP INDEX ix_invitations_import;
ALTER TABLE invitations DROP COLUMN import_id;
ALTER TABLE invitations DROP COLUMN email;
ALTER TABLE invitations DROP COLUMN first_name;
ALTER TABLE invitations DROP COLUMN last_name;
ALTER TABLE invitations DROP COLUMN description;
ALTER TABLE invitations DROP COLUMN permissions;
ALTER TABLE invitations DROP COLUMN inviter;
