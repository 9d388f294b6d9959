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
  rcols text;
  tcols text;
  saved text[] := ARRAY[current_setting('TimeZone'), current_setting('DateStyle'), current_setting('IntervalStyle'), current_setting('extra_float_digits'), current_setting('bytea_output')];
BEGIN
  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  IF def IS NOT NULL THEN
    EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, def);
  END IF;
  CREATE FOREIGN TABLE box1_schema.temperatures_2019 PARTITION OF box1_schema.temperatures FOR VALUES FROM ('2019-01-01') TO ('2020-01-01') SERVER box2 OPTIONS (schema_name 'box2_schema', table_name 'temperatures_2019');
  IF to_regclass('fdw_moved_rows') IS NULL THEN
    CREATE TABLE fdw_moved_rows (id text NOT NULL, author text NOT NULL, partition text NOT NULL, row_data json, copies bigint NOT NULL, moved_at timestamptz NOT NULL DEFAULT now());
  END IF;
  IF def IS NULL THEN
    INSERT INTO fdw_moved_rows (id, author, partition, row_data, copies) VALUES ('3', 'golden', 'box1_schema.temperatures_2019', NULL, 0);
  ELSE
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum), string_agg('r.' || quote_ident(attname), ', ' ORDER BY attnum),
      string_agg('t.' || quote_ident(attname), ', ' ORDER BY attnum)
      INTO cols, rcols, tcols FROM pg_attribute WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
    PERFORM set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, MDY', true), set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true);
    EXECUTE format('WITH moved AS (DELETE FROM %s WHERE %s RETURNING %s), put AS (INSERT INTO %s (%s) SELECT %s FROM moved)'
      || ' INSERT INTO %s (id, author, partition, row_data, copies)'
      || ' SELECT $1, $2, $3, j::json, n FROM (SELECT to_json(m.*)::text AS j, count(*) AS n FROM moved m GROUP BY 1) g'
      || ' UNION ALL SELECT $1, $2, $3, NULL, count(*) FROM moved',
      def, pg_get_partition_constraintdef('box1_schema.temperatures_2019'::regclass), cols, 'box1_schema.temperatures_2019', cols, cols, 'fdw_moved_rows')
      USING '3', 'golden', 'box1_schema.temperatures_2019';
    PERFORM set_config('TimeZone', saved[1], true), set_config('DateStyle', saved[2], true), set_config('IntervalStyle', saved[3], true), set_config('extra_float_digits', saved[4], true), set_config('bytea_output', saved[5], true);
    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', parent, def);
  END IF;
END
$fdw$;
-- rollback
DO $fdw$
DECLARE
  parent regclass := 'box1_schema.temperatures'::regclass;
  part regclass := 'box1_schema.temperatures_2019'::regclass;
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
      INTO recorded USING '3', 'golden', 'box1_schema.temperatures_2019';
  END IF;
  IF recorded IS NULL THEN
    RAISE EXCEPTION USING MESSAGE = 'createPartition in changelog.xml::3::golden: cannot roll back the rows moved into box1_schema.temperatures_2019 from the DEFAULT partition of box1_schema.temperatures: there is no record of which rows the change moved (fdw_moved_rows holds none for changeset id ''3'' by ''golden''; the change ran before liquibase-fdw recorded moved rows, or the record was deleted). Move the rows back yourself and give the changeset an explicit <rollback>.';
  END IF;
  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum), string_agg('r.' || quote_ident(attname), ', ' ORDER BY attnum),
    string_agg('t.' || quote_ident(attname), ', ' ORDER BY attnum)
    INTO cols, rcols, tcols FROM pg_attribute WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
  PERFORM set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, MDY', true), set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true);
  IF recorded > 0 THEN
    IF def IS NULL THEN
      RAISE EXCEPTION USING MESSAGE = format('createPartition in changelog.xml::3::golden: cannot roll back the rows moved into box1_schema.temperatures_2019 from the DEFAULT partition of box1_schema.temperatures: %s rows would go back, but the parent has no DEFAULT partition any more; attach one, then roll back again.', recorded);
    END IF;
    EXECUTE format('SELECT coalesce(sum(greatest(r.n - coalesce(p.n, 0), 0)), 0) FROM'
      || ' (SELECT row_data::text AS j, sum(copies) AS n FROM %s WHERE id = $1 AND author = $2 AND partition = $3 AND row_data IS NOT NULL GROUP BY 1) r'
      || ' LEFT JOIN (SELECT to_json(x.*)::text AS j, count(*) AS n FROM %s t CROSS JOIN LATERAL (SELECT %s) x GROUP BY 1) p'
      || ' ON p.j = r.j', 'fdw_moved_rows', part, tcols)
      INTO found USING '3', 'golden', 'box1_schema.temperatures_2019';
    IF found > 0 THEN
      RAISE EXCEPTION USING MESSAGE = format('createPartition in changelog.xml::3::golden: cannot roll back the rows moved into box1_schema.temperatures_2019 from the DEFAULT partition of box1_schema.temperatures: %s of the %s rows it moved are no longer there unchanged (updated or deleted since). Put them back as they were moved (fdw_moved_rows holds them as JSON), or give the changeset an explicit <rollback>.', found, recorded);
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
      USING '3', 'golden', 'box1_schema.temperatures_2019';
    GET DIAGNOSTICS found = ROW_COUNT;
    IF found <> recorded THEN
      RAISE EXCEPTION USING MESSAGE = format('createPartition in changelog.xml::3::golden: cannot roll back the rows moved into box1_schema.temperatures_2019 from the DEFAULT partition of box1_schema.temperatures: %s rows matched the record while deleting, expected %s (changed concurrently); try again.', found, recorded);
    END IF;
    EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM %s l CROSS JOIN LATERAL json_populate_record(NULL::%s, l.row_data) r'
      || ' CROSS JOIN LATERAL generate_series(1, l.copies) WHERE l.id = $1 AND l.author = $2 AND l.partition = $3 AND l.row_data IS NOT NULL',
      def, cols, rcols, 'fdw_moved_rows', parent)
      USING '3', 'golden', 'box1_schema.temperatures_2019';
  END IF;
  PERFORM set_config('TimeZone', saved[1], true), set_config('DateStyle', saved[2], true), set_config('IntervalStyle', saved[3], true), set_config('extra_float_digits', saved[4], true), set_config('bytea_output', saved[5], true);
  EXECUTE format('DELETE FROM %s WHERE id = $1 AND author = $2 AND partition = $3', 'fdw_moved_rows')
    USING '3', 'golden', 'box1_schema.temperatures_2019';
  IF NOT EXISTS (SELECT FROM fdw_moved_rows) THEN
    DROP TABLE fdw_moved_rows;
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
