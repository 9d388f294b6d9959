-- changeset 1
CREATE SERVER box2 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'box2.internal', port '5432', dbname 'shard2');
-- rollback
DROP SERVER box2;
-- changeset 2
CREATE SERVER IF NOT EXISTS "Box ""3""" FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'box3', fetch_size '1000', application_name E'it''s \\ ü;');
-- rollback
DROP SERVER "Box ""3""";
-- changeset 3
CREATE SERVER box4 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'box4', batch_size '100', parallel_commit 'true', analyze_sampling 'auto');
-- rollback
DROP SERVER box4;
