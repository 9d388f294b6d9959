-- changeset 1
CREATE TABLE box1_schema.temperatures_2018 PARTITION OF box1_schema.temperatures FOR VALUES FROM ('2018-01-01') TO ('2019-01-01');
CREATE TABLE box1_schema.temperatures_2019 PARTITION OF box1_schema.temperatures FOR VALUES FROM ('2019-01-01') TO ('2020-01-01');
CREATE TABLE box1_schema.temperatures_2020 PARTITION OF box1_schema.temperatures FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
-- rollback
DROP TABLE box1_schema.temperatures_2020;
DROP TABLE box1_schema.temperatures_2019;
DROP TABLE box1_schema.temperatures_2018;
-- changeset 2
DO $fdw$
DECLARE
  parent regclass := 'events'::regclass;
  def regclass;
  cols text;
BEGIN
  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  IF def IS NOT NULL THEN
    EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, def);
  END IF;
  CREATE FOREIGN TABLE events_2024_01 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2024-02-01') SERVER box2 OPTIONS (schema_name 'archive', table_name 'ev202401');
  IF def IS NOT NULL THEN
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols FROM pg_attribute
      WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
    EXECUTE format('WITH moved AS (DELETE FROM %s WHERE %s RETURNING %s) INSERT INTO %s (%s) SELECT %s FROM moved',
      def, pg_get_partition_constraintdef('events_2024_01'::regclass), cols, 'events_2024_01', cols, cols);
    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', parent, def);
  END IF;
END
$fdw$;
DO $fdw$
DECLARE
  parent regclass := 'events'::regclass;
  def regclass;
  cols text;
BEGIN
  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  IF def IS NOT NULL THEN
    EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, def);
  END IF;
  CREATE FOREIGN TABLE events_2024_02 PARTITION OF events FOR VALUES FROM ('2024-02-01') TO ('2024-03-01') SERVER box2 OPTIONS (schema_name 'archive', table_name 'ev202402');
  IF def IS NOT NULL THEN
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols FROM pg_attribute
      WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
    EXECUTE format('WITH moved AS (DELETE FROM %s WHERE %s RETURNING %s) INSERT INTO %s (%s) SELECT %s FROM moved',
      def, pg_get_partition_constraintdef('events_2024_02'::regclass), cols, 'events_2024_02', cols, cols);
    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', parent, def);
  END IF;
END
$fdw$;
DO $fdw$
DECLARE
  parent regclass := 'events'::regclass;
  def regclass;
  cols text;
BEGIN
  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  IF def IS NOT NULL THEN
    EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, def);
  END IF;
  CREATE FOREIGN TABLE events_2024_03 PARTITION OF events FOR VALUES FROM ('2024-03-01') TO ('2024-03-15') SERVER box2 OPTIONS (schema_name 'archive', table_name 'ev202403');
  IF def IS NOT NULL THEN
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols FROM pg_attribute
      WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
    EXECUTE format('WITH moved AS (DELETE FROM %s WHERE %s RETURNING %s) INSERT INTO %s (%s) SELECT %s FROM moved',
      def, pg_get_partition_constraintdef('events_2024_03'::regclass), cols, 'events_2024_03', cols, cols);
    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', parent, def);
  END IF;
END
$fdw$;
-- rollback
DO $fdw$
DECLARE
  parent regclass := '"events"'::regclass;
  part regclass := '"events_2024_03"'::regclass;
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
DO $fdw$
DECLARE
  parent regclass := '"events"'::regclass;
  part regclass := '"events_2024_02"'::regclass;
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
DO $fdw$
DECLARE
  parent regclass := '"events"'::regclass;
  part regclass := '"events_2024_01"'::regclass;
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
-- changeset 3
CREATE TABLE ids_1_0 PARTITION OF ids FOR VALUES FROM ('0') TO ('100000');
CREATE TABLE ids_2_100000 PARTITION OF ids FOR VALUES FROM ('100000') TO ('200000');
CREATE TABLE ids_3_200000 PARTITION OF ids FOR VALUES FROM ('200000') TO ('250000');
-- rollback
DROP TABLE ids_3_200000;
DROP TABLE ids_2_100000;
DROP TABLE ids_1_0;
-- changeset 4
-- invalid: createRangePartitions in changelog.xml::4::golden: namePattern 'events_{yyyy}' gives the name 'events_2024' to more than one slice; add the placeholder of the interval's unit ({MM}) or {n}.
-- rollback
-- changeset 5
-- invalid: createRangePartitions in changelog.xml::5::golden: interval '1 hour' needs timestamps, but from and to are dates; write from="2024-01-01 00:00:00" or use days.
-- rollback
