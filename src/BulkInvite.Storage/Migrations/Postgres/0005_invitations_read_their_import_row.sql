-- Each person's data is written once (issue 14). An invitation made from now on holds what the
-- invitation itself needs (organization, address key, status, times); its address and names are
-- its import row's, its permissions and inviter its import's. Its id says where: the apply key of
-- its import (imports.apply_key, handed out at apply from import_keys) times 2^32, plus its row
-- number. So the row of an invitation and the invitation of a row are found by key, and ids still
-- grow with each apply (listings are newest first). Invitations made before this script keep their
-- data in invitations_before_0007 (their ids are below 2^32). An applied import keeps its rows;
-- deleting it keeps the import's row (marked deleted) and the rows its invitations read.

ALTER TABLE imports ADD COLUMN apply_key bigint NULL;
ALTER TABLE imports ADD COLUMN inviter text NULL; -- the sub of who applied
ALTER TABLE imports ADD COLUMN delete_time bigint NULL;
ALTER TABLE imports ADD CONSTRAINT ux_imports_apply_key UNIQUE (apply_key);

CREATE TABLE invitations_before_0007 (
    invitation_id bigint NOT NULL PRIMARY KEY REFERENCES invitations (invitation_id),
    import_id     text COLLATE "C" NOT NULL,
    email         text NOT NULL,
    first_name    text NOT NULL,
    last_name     text NOT NULL,
    description   text NULL,
    permissions   text NOT NULL, -- JSON array of permission ids, sorted
    inviter       text NOT NULL
);

INSERT INTO invitations_before_0007 (invitation_id, import_id, email, first_name, last_name, description, permissions, inviter)
SELECT invitation_id, import_id, email, first_name, last_name, description, permissions, inviter FROM invitations;

CREATE INDEX ix_invitations_before_0007_import ON invitations_before_0007 (import_id);

DROP INDEX ix_invitations_import;
ALTER TABLE invitations DROP COLUMN import_id, DROP COLUMN email, DROP COLUMN first_name, DROP COLUMN last_name,
    DROP COLUMN description, DROP COLUMN permissions, DROP COLUMN inviter;

-- Ids are given by the apply from now on.
ALTER TABLE invitations ALTER COLUMN invitation_id DROP IDENTITY;
