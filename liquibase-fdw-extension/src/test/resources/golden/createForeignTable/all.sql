-- changeset 1
CREATE FOREIGN TABLE box1_schema.temperatures_2016 (reading_date date NOT NULL, city VARCHAR(100) DEFAULT 'O''Hare; \ ünï', temp DECIMAL(5, 1), recorded_at TIMESTAMP WITHOUT TIME ZONE DEFAULT NOW()) SERVER box2 OPTIONS (schema_name 'box2_schema', table_name 'temperatures_2016', fetch_size '1000');
-- rollback
DROP FOREIGN TABLE box1_schema.temperatures_2016;
-- changeset 2
CREATE FOREIGN TABLE IF NOT EXISTS "Mixed Case"."odd ""name""" ("Id" BIGINT) SERVER box2 OPTIONS (batch_size '100');
-- rollback
DROP FOREIGN TABLE "Mixed Case"."odd ""name""";
-- changeset 3
-- invalid: createForeignTable in changelog.xml::3::golden: column 'id' has primaryKey, which a foreign table cannot enforce; keep such constraints on the remote table and remove them here.
-- rollback
