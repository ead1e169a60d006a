-- Listing an organization's invitations goes through its applies (issue 14): an apply's invitations
-- are the id range apply_key × 2^32 … (apply_key + 1) × 2^32 − 1, so the newest first are found by
-- walking the organization's apply keys down (ix_imports_organization_apply) and each range down
-- the table's own key. ix_invitations_organization_newest cost every apply one more B-tree entry per
-- invitation (about a quarter of a 1M-row apply) and is dropped. The invitations made before
-- migration 0008 have ids below 2^32 and no apply key: a partial index keeps them listable by
-- organization, and new invitations never enter it.

DROP INDEX ix_invitations_organization_newest;

CREATE INDEX ix_imports_organization_apply ON imports (organization_id, apply_key) WHERE apply_key IS NOT NULL;

CREATE INDEX ix_invitations_organization_before_applies ON invitations (organization_id, invitation_id) WHERE invitation_id < 4294967296;
