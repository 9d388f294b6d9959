-- changeset 1
CREATE SERVER box2 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'box2.internal', port '5432', dbname 'shard2');
-- rollback
DROP SERVER box2;
-- changeset 2
CREATE SERVER IF NOT EXISTS "Box ""3""" FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'box3', fetch_size '1000', application_name E'it''s \\ ü;');
-- rollback
DROP SERVER "Box ""3""";
-- changeset 3
-- invalid: createForeignServer in changelog.xml::3::golden: option 'parallel_commit' needs PostgreSQL 15 or later, the database is PostgreSQL 14; remove the option or upgrade the server.
-- invalid: createForeignServer in changelog.xml::3::golden: option 'analyze_sampling' needs PostgreSQL 16 or later, the database is PostgreSQL 14; remove the option or upgrade the server.
-- rollback
