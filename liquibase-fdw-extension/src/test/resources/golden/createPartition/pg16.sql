-- changeset 1
CREATE TABLE box1_schema.temperatures_2018 PARTITION OF box1_schema.temperatures FOR VALUES FROM ('2018-01-01') TO ('2019-01-01');
-- rollback
DROP TABLE box1_schema.temperatures_2018;
-- changeset 2
CREATE TABLE box1_schema.temps_default PARTITION OF box1_schema.temperatures DEFAULT TABLESPACE pg_default;
-- rollback
DROP TABLE box1_schema.temps_default;
-- changeset 3
DO $fdw$
DECLARE
  parent regclass := 'box1_schema.temperatures'::regclass;
  def regclass;
  cols text;
BEGIN
  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  IF def IS NOT NULL THEN
    EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, def);
  END IF;
  CREATE FOREIGN TABLE box1_schema.temperatures_2019 PARTITION OF box1_schema.temperatures FOR VALUES FROM ('2019-01-01') TO ('2020-01-01') SERVER box2 OPTIONS (schema_name 'box2_schema', table_name 'temperatures_2019');
  IF def IS NOT NULL THEN
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols FROM pg_attribute
      WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
    EXECUTE format('WITH moved AS (DELETE FROM %s WHERE %s RETURNING %s) INSERT INTO %s (%s) SELECT %s FROM moved',
      def, pg_get_partition_constraintdef('box1_schema.temperatures_2019'::regclass), cols, 'box1_schema.temperatures_2019', cols, cols);
    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', parent, def);
  END IF;
END
$fdw$;
-- rollback
DO $fdw$
DECLARE
  parent regclass := '"box1_schema"."temperatures"'::regclass;
  part regclass := '"box1_schema"."temperatures_2019"'::regclass;
  def regclass;
  cols text;
BEGIN
  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, part);
  IF def IS NOT NULL THEN
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols FROM pg_attribute
      WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
    EXECUTE format('WITH moved AS (DELETE FROM %s RETURNING %s) INSERT INTO %s (%s) SELECT %s FROM moved',
      part, cols, def, cols, cols);
  END IF;
  EXECUTE format('DROP FOREIGN TABLE %s', part);
END
$fdw$;
-- changeset 4
CREATE TABLE cities_a PARTITION OF cities FOR VALUES IN ('O''Hare', 'a,b', NULL, 'Oslo');
-- rollback
DROP TABLE cities_a;
-- changeset 5
CREATE TABLE IF NOT EXISTS h0 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 0);
-- rollback
DROP TABLE h0;
-- changeset 6
-- invalid: createPartition in changelog.xml::6::golden: from (MAXVALUE) is not below to ('2019-01-01'); the range would be empty, swap or correct them.
-- rollback
-- changeset 7
-- invalid: createPartition in changelog.xml::7::golden: remainder is 4 with modulus 4; it must be at least 0 and below the modulus.
-- rollback
-- changeset 8
-- invalid: createPartition in changelog.xml::8::golden: isDefault="true" excludes from/to, values and modulus/remainder; remove either isDefault or the bounds.
-- rollback
-- changeset 9
-- invalid: createPartition in changelog.xml::9::golden: from has 2 item(s) and to has 1; give one item per partition key column on both.
-- rollback
-- changeset 10
CREATE TABLE p2020 PARTITION OF p FOR VALUES FROM ('2020-01-01'::date) TO ('2020-01-01'::date + 366);
-- rollback
DROP TABLE p2020;
-- changeset 11
-- invalid: createPartition in changelog.xml::11::golden: attribute 'from' is "'2020-01-01'::date": text follows the quoted item '2020-01-01'; items are literals, so write the value alone, or for SQL (a cast, a function, an operator) set fromExpression="'2020-01-01'::date" instead of from.
-- rollback
-- changeset 12
-- invalid: createPartition in changelog.xml::12::golden: 'values' and 'valuesExpression' are both set; keep values for literal values or valuesExpression for SQL, not both.
-- rollback
