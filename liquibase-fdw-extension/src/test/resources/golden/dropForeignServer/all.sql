-- changeset 1
DROP SERVER IF EXISTS box2 CASCADE;
-- rollback
-- (no automatic rollback)
