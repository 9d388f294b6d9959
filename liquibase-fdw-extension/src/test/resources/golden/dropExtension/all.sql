-- changeset 1
DROP EXTENSION IF EXISTS postgres_fdw CASCADE;
-- rollback
-- (no automatic rollback)
