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
  rcols text;
  tcols text;
  saved text[] := ARRAY[current_setting('TimeZone'), current_setting('DateStyle'), current_setting('IntervalStyle'), current_setting('extra_float_digits'), current_setting('bytea_output')];
BEGIN
  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  IF def IS NOT NULL THEN
    EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, def);
  END IF;
  CREATE FOREIGN TABLE events_2024_01 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2024-02-01') SERVER box2 OPTIONS (schema_name 'archive', table_name 'ev202401');
  IF to_regclass('fdw_moved_rows') IS NULL THEN
    CREATE TABLE fdw_moved_rows (id text NOT NULL, author text NOT NULL, partition text NOT NULL, row_data json, copies bigint NOT NULL, moved_at timestamptz NOT NULL DEFAULT now());
  END IF;
  IF def IS NULL THEN
    INSERT INTO fdw_moved_rows (id, author, partition, row_data, copies) VALUES ('2', 'golden', 'events_2024_01', NULL, 0);
  ELSE
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum), string_agg('r.' || quote_ident(attname), ', ' ORDER BY attnum),
      string_agg('t.' || quote_ident(attname), ', ' ORDER BY attnum)
      INTO cols, rcols, tcols FROM pg_attribute WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
    PERFORM set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, MDY', true), set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true);
    EXECUTE format('WITH moved AS (DELETE FROM %s WHERE %s RETURNING %s), put AS (INSERT INTO %s (%s) SELECT %s FROM moved)'
      || ' INSERT INTO %s (id, author, partition, row_data, copies)'
      || ' SELECT $1, $2, $3, j::json, n FROM (SELECT to_json(m.*)::text AS j, count(*) AS n FROM moved m GROUP BY 1) g'
      || ' UNION ALL SELECT $1, $2, $3, NULL, count(*) FROM moved',
      def, pg_get_partition_constraintdef('events_2024_01'::regclass), cols, 'events_2024_01', cols, cols, 'fdw_moved_rows')
      USING '2', 'golden', 'events_2024_01';
    PERFORM set_config('TimeZone', saved[1], true), set_config('DateStyle', saved[2], true), set_config('IntervalStyle', saved[3], true), set_config('extra_float_digits', saved[4], true), set_config('bytea_output', saved[5], true);
    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', parent, def);
  END IF;
END
$fdw$;
DO $fdw$
DECLARE
  parent regclass := 'events'::regclass;
  def regclass;
  cols text;
  rcols text;
  tcols text;
  saved text[] := ARRAY[current_setting('TimeZone'), current_setting('DateStyle'), current_setting('IntervalStyle'), current_setting('extra_float_digits'), current_setting('bytea_output')];
BEGIN
  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  IF def IS NOT NULL THEN
    EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, def);
  END IF;
  CREATE FOREIGN TABLE events_2024_02 PARTITION OF events FOR VALUES FROM ('2024-02-01') TO ('2024-03-01') SERVER box2 OPTIONS (schema_name 'archive', table_name 'ev202402');
  IF to_regclass('fdw_moved_rows') IS NULL THEN
    CREATE TABLE fdw_moved_rows (id text NOT NULL, author text NOT NULL, partition text NOT NULL, row_data json, copies bigint NOT NULL, moved_at timestamptz NOT NULL DEFAULT now());
  END IF;
  IF def IS NULL THEN
    INSERT INTO fdw_moved_rows (id, author, partition, row_data, copies) VALUES ('2', 'golden', 'events_2024_02', NULL, 0);
  ELSE
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum), string_agg('r.' || quote_ident(attname), ', ' ORDER BY attnum),
      string_agg('t.' || quote_ident(attname), ', ' ORDER BY attnum)
      INTO cols, rcols, tcols FROM pg_attribute WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
    PERFORM set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, MDY', true), set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true);
    EXECUTE format('WITH moved AS (DELETE FROM %s WHERE %s RETURNING %s), put AS (INSERT INTO %s (%s) SELECT %s FROM moved)'
      || ' INSERT INTO %s (id, author, partition, row_data, copies)'
      || ' SELECT $1, $2, $3, j::json, n FROM (SELECT to_json(m.*)::text AS j, count(*) AS n FROM moved m GROUP BY 1) g'
      || ' UNION ALL SELECT $1, $2, $3, NULL, count(*) FROM moved',
      def, pg_get_partition_constraintdef('events_2024_02'::regclass), cols, 'events_2024_02', cols, cols, 'fdw_moved_rows')
      USING '2', 'golden', 'events_2024_02';
    PERFORM set_config('TimeZone', saved[1], true), set_config('DateStyle', saved[2], true), set_config('IntervalStyle', saved[3], true), set_config('extra_float_digits', saved[4], true), set_config('bytea_output', saved[5], true);
    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', parent, def);
  END IF;
END
$fdw$;
DO $fdw$
DECLARE
  parent regclass := 'events'::regclass;
  def regclass;
  cols text;
  rcols text;
  tcols text;
  saved text[] := ARRAY[current_setting('TimeZone'), current_setting('DateStyle'), current_setting('IntervalStyle'), current_setting('extra_float_digits'), current_setting('bytea_output')];
BEGIN
  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  IF def IS NOT NULL THEN
    EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, def);
  END IF;
  CREATE FOREIGN TABLE events_2024_03 PARTITION OF events FOR VALUES FROM ('2024-03-01') TO ('2024-04-01') SERVER box2 OPTIONS (schema_name 'archive', table_name 'ev202403');
  IF to_regclass('fdw_moved_rows') IS NULL THEN
    CREATE TABLE fdw_moved_rows (id text NOT NULL, author text NOT NULL, partition text NOT NULL, row_data json, copies bigint NOT NULL, moved_at timestamptz NOT NULL DEFAULT now());
  END IF;
  IF def IS NULL THEN
    INSERT INTO fdw_moved_rows (id, author, partition, row_data, copies) VALUES ('2', 'golden', 'events_2024_03', NULL, 0);
  ELSE
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum), string_agg('r.' || quote_ident(attname), ', ' ORDER BY attnum),
      string_agg('t.' || quote_ident(attname), ', ' ORDER BY attnum)
      INTO cols, rcols, tcols FROM pg_attribute WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
    PERFORM set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, MDY', true), set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true);
    EXECUTE format('WITH moved AS (DELETE FROM %s WHERE %s RETURNING %s), put AS (INSERT INTO %s (%s) SELECT %s FROM moved)'
      || ' INSERT INTO %s (id, author, partition, row_data, copies)'
      || ' SELECT $1, $2, $3, j::json, n FROM (SELECT to_json(m.*)::text AS j, count(*) AS n FROM moved m GROUP BY 1) g'
      || ' UNION ALL SELECT $1, $2, $3, NULL, count(*) FROM moved',
      def, pg_get_partition_constraintdef('events_2024_03'::regclass), cols, 'events_2024_03', cols, cols, 'fdw_moved_rows')
      USING '2', 'golden', 'events_2024_03';
    PERFORM set_config('TimeZone', saved[1], true), set_config('DateStyle', saved[2], true), set_config('IntervalStyle', saved[3], true), set_config('extra_float_digits', saved[4], true), set_config('bytea_output', saved[5], true);
    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', parent, def);
  END IF;
END
$fdw$;
-- rollback
DO $fdw$
DECLARE
  parent regclass := 'events'::regclass;
  part regclass := 'events_2024_03'::regclass;
  def regclass;
  cols text;
  rcols text;
  tcols text;
  recorded bigint;
  found bigint;
  saved text[] := ARRAY[current_setting('TimeZone'), current_setting('DateStyle'), current_setting('IntervalStyle'), current_setting('extra_float_digits'), current_setting('bytea_output')];
BEGIN
  IF to_regclass('fdw_moved_rows') IS NOT NULL THEN
    EXECUTE format('SELECT sum(copies) FROM %s WHERE id = $1 AND author = $2 AND partition = $3 AND row_data IS NULL', 'fdw_moved_rows')
      INTO recorded USING '2', 'golden', 'events_2024_03';
  END IF;
  IF recorded IS NULL THEN
    RAISE EXCEPTION USING MESSAGE = 'createRangePartitions in changelog.xml::2::golden: cannot roll back the rows moved into events_2024_03 from the DEFAULT partition of events: there is no record of which rows the change moved (fdw_moved_rows holds none for changeset id ''2'' by ''golden''; the change ran before liquibase-fdw recorded moved rows, or the record was deleted). Move the rows back yourself and give the changeset an explicit <rollback>.';
  END IF;
  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum), string_agg('r.' || quote_ident(attname), ', ' ORDER BY attnum),
    string_agg('t.' || quote_ident(attname), ', ' ORDER BY attnum)
    INTO cols, rcols, tcols FROM pg_attribute WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
  PERFORM set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, MDY', true), set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true);
  IF recorded > 0 THEN
    IF def IS NULL THEN
      RAISE EXCEPTION USING MESSAGE = format('createRangePartitions in changelog.xml::2::golden: cannot roll back the rows moved into events_2024_03 from the DEFAULT partition of events: %s rows would go back, but the parent has no DEFAULT partition any more; attach one, then roll back again.', recorded);
    END IF;
    EXECUTE format('SELECT coalesce(sum(greatest(r.n - coalesce(p.n, 0), 0)), 0) FROM'
      || ' (SELECT row_data::text AS j, sum(copies) AS n FROM %s WHERE id = $1 AND author = $2 AND partition = $3 AND row_data IS NOT NULL GROUP BY 1) r'
      || ' LEFT JOIN (SELECT to_json(x.*)::text AS j, count(*) AS n FROM %s t CROSS JOIN LATERAL (SELECT %s) x GROUP BY 1) p'
      || ' ON p.j = r.j', 'fdw_moved_rows', part, tcols)
      INTO found USING '2', 'golden', 'events_2024_03';
    IF found > 0 THEN
      RAISE EXCEPTION USING MESSAGE = format('createRangePartitions in changelog.xml::2::golden: cannot roll back the rows moved into events_2024_03 from the DEFAULT partition of events: %s of the %s rows it moved are no longer there unchanged (updated or deleted since). Put them back as they were moved (fdw_moved_rows holds them as JSON), or give the changeset an explicit <rollback>.', found, recorded);
    END IF;
  END IF;
  -- rows the change did not move stay in the partition
  EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, part);
  IF recorded > 0 THEN
    EXECUTE format('DELETE FROM %s WHERE (tableoid, ctid) IN (SELECT p.tableoid, p.ctid FROM'
      || ' (SELECT t.tableoid, t.ctid, to_json(x.*)::text AS j, row_number() OVER (PARTITION BY to_json(x.*)::text) AS k'
      || ' FROM %s t CROSS JOIN LATERAL (SELECT %s) x) p'
      || ' JOIN (SELECT row_data::text AS j, sum(copies) AS n FROM %s WHERE id = $1 AND author = $2 AND partition = $3 AND row_data IS NOT NULL GROUP BY 1) r'
      || ' ON r.j = p.j WHERE p.k <= r.n)', part, part, tcols, 'fdw_moved_rows')
      USING '2', 'golden', 'events_2024_03';
    GET DIAGNOSTICS found = ROW_COUNT;
    IF found <> recorded THEN
      RAISE EXCEPTION USING MESSAGE = format('createRangePartitions in changelog.xml::2::golden: cannot roll back the rows moved into events_2024_03 from the DEFAULT partition of events: %s rows matched the record while deleting, expected %s (changed concurrently); try again.', found, recorded);
    END IF;
    EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM %s l CROSS JOIN LATERAL json_populate_record(NULL::%s, l.row_data) r'
      || ' CROSS JOIN LATERAL generate_series(1, l.copies) WHERE l.id = $1 AND l.author = $2 AND l.partition = $3 AND l.row_data IS NOT NULL',
      def, cols, rcols, 'fdw_moved_rows', parent)
      USING '2', 'golden', 'events_2024_03';
  END IF;
  PERFORM set_config('TimeZone', saved[1], true), set_config('DateStyle', saved[2], true), set_config('IntervalStyle', saved[3], true), set_config('extra_float_digits', saved[4], true), set_config('bytea_output', saved[5], true);
  EXECUTE format('DELETE FROM %s WHERE id = $1 AND author = $2 AND partition = $3', 'fdw_moved_rows')
    USING '2', 'golden', 'events_2024_03';
  IF NOT EXISTS (SELECT FROM fdw_moved_rows) THEN
    DROP TABLE fdw_moved_rows;
  END IF;
  EXECUTE format('DROP FOREIGN TABLE %s', part);
END
$fdw$;
DO $fdw$
DECLARE
  parent regclass := 'events'::regclass;
  part regclass := 'events_2024_02'::regclass;
  def regclass;
  cols text;
  rcols text;
  tcols text;
  recorded bigint;
  found bigint;
  saved text[] := ARRAY[current_setting('TimeZone'), current_setting('DateStyle'), current_setting('IntervalStyle'), current_setting('extra_float_digits'), current_setting('bytea_output')];
BEGIN
  IF to_regclass('fdw_moved_rows') IS NOT NULL THEN
    EXECUTE format('SELECT sum(copies) FROM %s WHERE id = $1 AND author = $2 AND partition = $3 AND row_data IS NULL', 'fdw_moved_rows')
      INTO recorded USING '2', 'golden', 'events_2024_02';
  END IF;
  IF recorded IS NULL THEN
    RAISE EXCEPTION USING MESSAGE = 'createRangePartitions in changelog.xml::2::golden: cannot roll back the rows moved into events_2024_02 from the DEFAULT partition of events: there is no record of which rows the change moved (fdw_moved_rows holds none for changeset id ''2'' by ''golden''; the change ran before liquibase-fdw recorded moved rows, or the record was deleted). Move the rows back yourself and give the changeset an explicit <rollback>.';
  END IF;
  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum), string_agg('r.' || quote_ident(attname), ', ' ORDER BY attnum),
    string_agg('t.' || quote_ident(attname), ', ' ORDER BY attnum)
    INTO cols, rcols, tcols FROM pg_attribute WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
  PERFORM set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, MDY', true), set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true);
  IF recorded > 0 THEN
    IF def IS NULL THEN
      RAISE EXCEPTION USING MESSAGE = format('createRangePartitions in changelog.xml::2::golden: cannot roll back the rows moved into events_2024_02 from the DEFAULT partition of events: %s rows would go back, but the parent has no DEFAULT partition any more; attach one, then roll back again.', recorded);
    END IF;
    EXECUTE format('SELECT coalesce(sum(greatest(r.n - coalesce(p.n, 0), 0)), 0) FROM'
      || ' (SELECT row_data::text AS j, sum(copies) AS n FROM %s WHERE id = $1 AND author = $2 AND partition = $3 AND row_data IS NOT NULL GROUP BY 1) r'
      || ' LEFT JOIN (SELECT to_json(x.*)::text AS j, count(*) AS n FROM %s t CROSS JOIN LATERAL (SELECT %s) x GROUP BY 1) p'
      || ' ON p.j = r.j', 'fdw_moved_rows', part, tcols)
      INTO found USING '2', 'golden', 'events_2024_02';
    IF found > 0 THEN
      RAISE EXCEPTION USING MESSAGE = format('createRangePartitions in changelog.xml::2::golden: cannot roll back the rows moved into events_2024_02 from the DEFAULT partition of events: %s of the %s rows it moved are no longer there unchanged (updated or deleted since). Put them back as they were moved (fdw_moved_rows holds them as JSON), or give the changeset an explicit <rollback>.', found, recorded);
    END IF;
  END IF;
  -- rows the change did not move stay in the partition
  EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, part);
  IF recorded > 0 THEN
    EXECUTE format('DELETE FROM %s WHERE (tableoid, ctid) IN (SELECT p.tableoid, p.ctid FROM'
      || ' (SELECT t.tableoid, t.ctid, to_json(x.*)::text AS j, row_number() OVER (PARTITION BY to_json(x.*)::text) AS k'
      || ' FROM %s t CROSS JOIN LATERAL (SELECT %s) x) p'
      || ' JOIN (SELECT row_data::text AS j, sum(copies) AS n FROM %s WHERE id = $1 AND author = $2 AND partition = $3 AND row_data IS NOT NULL GROUP BY 1) r'
      || ' ON r.j = p.j WHERE p.k <= r.n)', part, part, tcols, 'fdw_moved_rows')
      USING '2', 'golden', 'events_2024_02';
    GET DIAGNOSTICS found = ROW_COUNT;
    IF found <> recorded THEN
      RAISE EXCEPTION USING MESSAGE = format('createRangePartitions in changelog.xml::2::golden: cannot roll back the rows moved into events_2024_02 from the DEFAULT partition of events: %s rows matched the record while deleting, expected %s (changed concurrently); try again.', found, recorded);
    END IF;
    EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM %s l CROSS JOIN LATERAL json_populate_record(NULL::%s, l.row_data) r'
      || ' CROSS JOIN LATERAL generate_series(1, l.copies) WHERE l.id = $1 AND l.author = $2 AND l.partition = $3 AND l.row_data IS NOT NULL',
      def, cols, rcols, 'fdw_moved_rows', parent)
      USING '2', 'golden', 'events_2024_02';
  END IF;
  PERFORM set_config('TimeZone', saved[1], true), set_config('DateStyle', saved[2], true), set_config('IntervalStyle', saved[3], true), set_config('extra_float_digits', saved[4], true), set_config('bytea_output', saved[5], true);
  EXECUTE format('DELETE FROM %s WHERE id = $1 AND author = $2 AND partition = $3', 'fdw_moved_rows')
    USING '2', 'golden', 'events_2024_02';
  IF NOT EXISTS (SELECT FROM fdw_moved_rows) THEN
    DROP TABLE fdw_moved_rows;
  END IF;
  EXECUTE format('DROP FOREIGN TABLE %s', part);
END
$fdw$;
DO $fdw$
DECLARE
  parent regclass := 'events'::regclass;
  part regclass := 'events_2024_01'::regclass;
  def regclass;
  cols text;
  rcols text;
  tcols text;
  recorded bigint;
  found bigint;
  saved text[] := ARRAY[current_setting('TimeZone'), current_setting('DateStyle'), current_setting('IntervalStyle'), current_setting('extra_float_digits'), current_setting('bytea_output')];
BEGIN
  IF to_regclass('fdw_moved_rows') IS NOT NULL THEN
    EXECUTE format('SELECT sum(copies) FROM %s WHERE id = $1 AND author = $2 AND partition = $3 AND row_data IS NULL', 'fdw_moved_rows')
      INTO recorded USING '2', 'golden', 'events_2024_01';
  END IF;
  IF recorded IS NULL THEN
    RAISE EXCEPTION USING MESSAGE = 'createRangePartitions in changelog.xml::2::golden: cannot roll back the rows moved into events_2024_01 from the DEFAULT partition of events: there is no record of which rows the change moved (fdw_moved_rows holds none for changeset id ''2'' by ''golden''; the change ran before liquibase-fdw recorded moved rows, or the record was deleted). Move the rows back yourself and give the changeset an explicit <rollback>.';
  END IF;
  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum), string_agg('r.' || quote_ident(attname), ', ' ORDER BY attnum),
    string_agg('t.' || quote_ident(attname), ', ' ORDER BY attnum)
    INTO cols, rcols, tcols FROM pg_attribute WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
  PERFORM set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, MDY', true), set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true);
  IF recorded > 0 THEN
    IF def IS NULL THEN
      RAISE EXCEPTION USING MESSAGE = format('createRangePartitions in changelog.xml::2::golden: cannot roll back the rows moved into events_2024_01 from the DEFAULT partition of events: %s rows would go back, but the parent has no DEFAULT partition any more; attach one, then roll back again.', recorded);
    END IF;
    EXECUTE format('SELECT coalesce(sum(greatest(r.n - coalesce(p.n, 0), 0)), 0) FROM'
      || ' (SELECT row_data::text AS j, sum(copies) AS n FROM %s WHERE id = $1 AND author = $2 AND partition = $3 AND row_data IS NOT NULL GROUP BY 1) r'
      || ' LEFT JOIN (SELECT to_json(x.*)::text AS j, count(*) AS n FROM %s t CROSS JOIN LATERAL (SELECT %s) x GROUP BY 1) p'
      || ' ON p.j = r.j', 'fdw_moved_rows', part, tcols)
      INTO found USING '2', 'golden', 'events_2024_01';
    IF found > 0 THEN
      RAISE EXCEPTION USING MESSAGE = format('createRangePartitions in changelog.xml::2::golden: cannot roll back the rows moved into events_2024_01 from the DEFAULT partition of events: %s of the %s rows it moved are no longer there unchanged (updated or deleted since). Put them back as they were moved (fdw_moved_rows holds them as JSON), or give the changeset an explicit <rollback>.', found, recorded);
    END IF;
  END IF;
  -- rows the change did not move stay in the partition
  EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, part);
  IF recorded > 0 THEN
    EXECUTE format('DELETE FROM %s WHERE (tableoid, ctid) IN (SELECT p.tableoid, p.ctid FROM'
      || ' (SELECT t.tableoid, t.ctid, to_json(x.*)::text AS j, row_number() OVER (PARTITION BY to_json(x.*)::text) AS k'
      || ' FROM %s t CROSS JOIN LATERAL (SELECT %s) x) p'
      || ' JOIN (SELECT row_data::text AS j, sum(copies) AS n FROM %s WHERE id = $1 AND author = $2 AND partition = $3 AND row_data IS NOT NULL GROUP BY 1) r'
      || ' ON r.j = p.j WHERE p.k <= r.n)', part, part, tcols, 'fdw_moved_rows')
      USING '2', 'golden', 'events_2024_01';
    GET DIAGNOSTICS found = ROW_COUNT;
    IF found <> recorded THEN
      RAISE EXCEPTION USING MESSAGE = format('createRangePartitions in changelog.xml::2::golden: cannot roll back the rows moved into events_2024_01 from the DEFAULT partition of events: %s rows matched the record while deleting, expected %s (changed concurrently); try again.', found, recorded);
    END IF;
    EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM %s l CROSS JOIN LATERAL json_populate_record(NULL::%s, l.row_data) r'
      || ' CROSS JOIN LATERAL generate_series(1, l.copies) WHERE l.id = $1 AND l.author = $2 AND l.partition = $3 AND l.row_data IS NOT NULL',
      def, cols, rcols, 'fdw_moved_rows', parent)
      USING '2', 'golden', 'events_2024_01';
  END IF;
  PERFORM set_config('TimeZone', saved[1], true), set_config('DateStyle', saved[2], true), set_config('IntervalStyle', saved[3], true), set_config('extra_float_digits', saved[4], true), set_config('bytea_output', saved[5], true);
  EXECUTE format('DELETE FROM %s WHERE id = $1 AND author = $2 AND partition = $3', 'fdw_moved_rows')
    USING '2', 'golden', 'events_2024_01';
  IF NOT EXISTS (SELECT FROM fdw_moved_rows) THEN
    DROP TABLE fdw_moved_rows;
  END IF;
  EXECUTE format('DROP FOREIGN TABLE %s', part);
END
$fdw$;
-- changeset 3
CREATE TABLE ids_1_0 PARTITION OF ids FOR VALUES FROM ('0') TO ('100000');
CREATE TABLE ids_2_100000 PARTITION OF ids FOR VALUES FROM ('100000') TO ('200000');
CREATE TABLE ids_3_200000 PARTITION OF ids FOR VALUES FROM ('200000') TO ('300000');
-- rollback
DROP TABLE ids_3_200000;
DROP TABLE ids_2_100000;
DROP TABLE ids_1_0;
-- changeset 4
-- invalid: createRangePartitions in changelog.xml::4::golden: namePattern 'events_{yyyy}' gives the name 'events_2024' to more than one slice; add a placeholder that changes from slice to slice ({dd}, {HH}, {mm}) or {n}.
-- rollback
-- changeset 5
CREATE TABLE e_00 PARTITION OF events FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2024-01-01 01:00:00+00');
CREATE TABLE e_01 PARTITION OF events FOR VALUES FROM ('2024-01-01 01:00:00+00') TO ('2024-01-01 02:00:00+00');
CREATE TABLE e_02 PARTITION OF events FOR VALUES FROM ('2024-01-01 02:00:00+00') TO ('2024-01-01 03:00:00+00');
CREATE TABLE e_03 PARTITION OF events FOR VALUES FROM ('2024-01-01 03:00:00+00') TO ('2024-01-01 04:00:00+00');
CREATE TABLE e_04 PARTITION OF events FOR VALUES FROM ('2024-01-01 04:00:00+00') TO ('2024-01-01 05:00:00+00');
CREATE TABLE e_05 PARTITION OF events FOR VALUES FROM ('2024-01-01 05:00:00+00') TO ('2024-01-01 06:00:00+00');
CREATE TABLE e_06 PARTITION OF events FOR VALUES FROM ('2024-01-01 06:00:00+00') TO ('2024-01-01 07:00:00+00');
CREATE TABLE e_07 PARTITION OF events FOR VALUES FROM ('2024-01-01 07:00:00+00') TO ('2024-01-01 08:00:00+00');
CREATE TABLE e_08 PARTITION OF events FOR VALUES FROM ('2024-01-01 08:00:00+00') TO ('2024-01-01 09:00:00+00');
CREATE TABLE e_09 PARTITION OF events FOR VALUES FROM ('2024-01-01 09:00:00+00') TO ('2024-01-01 10:00:00+00');
CREATE TABLE e_10 PARTITION OF events FOR VALUES FROM ('2024-01-01 10:00:00+00') TO ('2024-01-01 11:00:00+00');
CREATE TABLE e_11 PARTITION OF events FOR VALUES FROM ('2024-01-01 11:00:00+00') TO ('2024-01-01 12:00:00+00');
CREATE TABLE e_12 PARTITION OF events FOR VALUES FROM ('2024-01-01 12:00:00+00') TO ('2024-01-01 13:00:00+00');
CREATE TABLE e_13 PARTITION OF events FOR VALUES FROM ('2024-01-01 13:00:00+00') TO ('2024-01-01 14:00:00+00');
CREATE TABLE e_14 PARTITION OF events FOR VALUES FROM ('2024-01-01 14:00:00+00') TO ('2024-01-01 15:00:00+00');
CREATE TABLE e_15 PARTITION OF events FOR VALUES FROM ('2024-01-01 15:00:00+00') TO ('2024-01-01 16:00:00+00');
CREATE TABLE e_16 PARTITION OF events FOR VALUES FROM ('2024-01-01 16:00:00+00') TO ('2024-01-01 17:00:00+00');
CREATE TABLE e_17 PARTITION OF events FOR VALUES FROM ('2024-01-01 17:00:00+00') TO ('2024-01-01 18:00:00+00');
CREATE TABLE e_18 PARTITION OF events FOR VALUES FROM ('2024-01-01 18:00:00+00') TO ('2024-01-01 19:00:00+00');
CREATE TABLE e_19 PARTITION OF events FOR VALUES FROM ('2024-01-01 19:00:00+00') TO ('2024-01-01 20:00:00+00');
CREATE TABLE e_20 PARTITION OF events FOR VALUES FROM ('2024-01-01 20:00:00+00') TO ('2024-01-01 21:00:00+00');
CREATE TABLE e_21 PARTITION OF events FOR VALUES FROM ('2024-01-01 21:00:00+00') TO ('2024-01-01 22:00:00+00');
CREATE TABLE e_22 PARTITION OF events FOR VALUES FROM ('2024-01-01 22:00:00+00') TO ('2024-01-01 23:00:00+00');
CREATE TABLE e_23 PARTITION OF events FOR VALUES FROM ('2024-01-01 23:00:00+00') TO ('2024-01-02 00:00:00+00');
-- rollback
DROP TABLE e_23;
DROP TABLE e_22;
DROP TABLE e_21;
DROP TABLE e_20;
DROP TABLE e_19;
DROP TABLE e_18;
DROP TABLE e_17;
DROP TABLE e_16;
DROP TABLE e_15;
DROP TABLE e_14;
DROP TABLE e_13;
DROP TABLE e_12;
DROP TABLE e_11;
DROP TABLE e_10;
DROP TABLE e_09;
DROP TABLE e_08;
DROP TABLE e_07;
DROP TABLE e_06;
DROP TABLE e_05;
DROP TABLE e_04;
DROP TABLE e_03;
DROP TABLE e_02;
DROP TABLE e_01;
DROP TABLE e_00;
-- changeset 6
CREATE TABLE box1_schema.readings_p20200329_000000 PARTITION OF box1_schema.readings FOR VALUES FROM ('2020-03-29 00:00:00+01') TO ('2020-03-29 01:00:00+01');
CREATE TABLE box1_schema.readings_p20200329_010000 PARTITION OF box1_schema.readings FOR VALUES FROM ('2020-03-29 01:00:00+01') TO ('2020-03-29 03:00:00+02');
CREATE TABLE box1_schema.readings_p20200329_030000 PARTITION OF box1_schema.readings FOR VALUES FROM ('2020-03-29 03:00:00+02') TO ('2020-03-29 04:00:00+02');
CREATE TABLE ids_p0 PARTITION OF ids FOR VALUES FROM ('0') TO ('250');
CREATE TABLE ids_p250 PARTITION OF ids FOR VALUES FROM ('250') TO ('500');
CREATE TABLE ids_p500 PARTITION OF ids FOR VALUES FROM ('500') TO ('750');
CREATE TABLE ids_p750 PARTITION OF ids FOR VALUES FROM ('750') TO ('1000');
-- rollback
DROP TABLE ids_p750;
DROP TABLE ids_p500;
DROP TABLE ids_p250;
DROP TABLE ids_p0;
DROP TABLE box1_schema.readings_p20200329_030000;
DROP TABLE box1_schema.readings_p20200329_010000;
DROP TABLE box1_schema.readings_p20200329_000000;
