-- changeset 1
CREATE EXTENSION postgres_fdw;
-- rollback
DROP EXTENSION postgres_fdw;
-- changeset 2
CREATE EXTENSION IF NOT EXISTS postgres_fdw SCHEMA "Ext Schema" VERSION '1.1' CASCADE;
-- rollback
DROP EXTENSION IF EXISTS postgres_fdw;
