-- changeset 1
DROP FOREIGN TABLE box1_schema.temperatures_2016;
-- rollback
-- (no automatic rollback)
-- changeset 2
DROP FOREIGN TABLE IF EXISTS "Mixed Case"."odd ""name""" CASCADE;
-- rollback
-- (no automatic rollback)
