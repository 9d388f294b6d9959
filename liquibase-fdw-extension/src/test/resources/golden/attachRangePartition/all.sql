-- changeset 1
ALTER TABLE box1_schema.temperatures ATTACH PARTITION box1_schema.temperatures_2016 FOR VALUES FROM ('2016-01-01') TO ('2017-01-01');
-- rollback
ALTER TABLE box1_schema.temperatures DETACH PARTITION box1_schema.temperatures_2016;
-- changeset 2
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
  ALTER TABLE box1_schema.temperatures ATTACH PARTITION box1_schema.temperatures_2017 FOR VALUES FROM ('2017-01-01') TO ('2018-01-01');
  IF to_regclass('fdw_moved_rows') IS NULL THEN
    CREATE TABLE fdw_moved_rows (id text NOT NULL, author text NOT NULL, partition text NOT NULL, row_data json, copies bigint NOT NULL, moved_at timestamptz NOT NULL DEFAULT now());
  END IF;
  IF def IS NULL THEN
    INSERT INTO fdw_moved_rows (id, author, partition, row_data, copies) VALUES ('2', 'golden', 'box1_schema.temperatures_2017', NULL, 0);
  ELSE
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum), string_agg('r.' || quote_ident(attname), ', ' ORDER BY attnum),
      string_agg('t.' || quote_ident(attname), ', ' ORDER BY attnum)
      INTO cols, rcols, tcols FROM pg_attribute WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
    PERFORM set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, MDY', true), set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true);
    EXECUTE format('WITH moved AS (DELETE FROM %s WHERE %s RETURNING %s), put AS (INSERT INTO %s (%s) SELECT %s FROM moved)'
      || ' INSERT INTO %s (id, author, partition, row_data, copies)'
      || ' SELECT $1, $2, $3, j::json, n FROM (SELECT to_json(m.*)::text AS j, count(*) AS n FROM moved m GROUP BY 1) g'
      || ' UNION ALL SELECT $1, $2, $3, NULL, count(*) FROM moved',
      def, pg_get_partition_constraintdef('box1_schema.temperatures_2017'::regclass), cols, 'box1_schema.temperatures_2017', cols, cols, 'fdw_moved_rows')
      USING '2', 'golden', 'box1_schema.temperatures_2017';
    PERFORM set_config('TimeZone', saved[1], true), set_config('DateStyle', saved[2], true), set_config('IntervalStyle', saved[3], true), set_config('extra_float_digits', saved[4], true), set_config('bytea_output', saved[5], true);
    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', parent, def);
  END IF;
END
$fdw$;
-- rollback
DO $fdw$
DECLARE
  parent regclass := 'box1_schema.temperatures'::regclass;
  part regclass := 'box1_schema.temperatures_2017'::regclass;
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
      INTO recorded USING '2', 'golden', 'box1_schema.temperatures_2017';
  END IF;
  IF recorded IS NULL THEN
    RAISE EXCEPTION USING MESSAGE = 'attachRangePartition in changelog.xml::2::golden: cannot roll back the rows moved into box1_schema.temperatures_2017 from the DEFAULT partition of box1_schema.temperatures: there is no record of which rows the change moved (fdw_moved_rows holds none for changeset id ''2'' by ''golden''; the change ran before liquibase-fdw recorded moved rows, or the record was deleted). Move the rows back yourself and give the changeset an explicit <rollback>.';
  END IF;
  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum), string_agg('r.' || quote_ident(attname), ', ' ORDER BY attnum),
    string_agg('t.' || quote_ident(attname), ', ' ORDER BY attnum)
    INTO cols, rcols, tcols FROM pg_attribute WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
  PERFORM set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, MDY', true), set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true);
  IF recorded > 0 THEN
    IF def IS NULL THEN
      RAISE EXCEPTION USING MESSAGE = format('attachRangePartition in changelog.xml::2::golden: cannot roll back the rows moved into box1_schema.temperatures_2017 from the DEFAULT partition of box1_schema.temperatures: %s rows would go back, but the parent has no DEFAULT partition any more; attach one, then roll back again.', recorded);
    END IF;
    EXECUTE format('SELECT coalesce(sum(greatest(r.n - coalesce(p.n, 0), 0)), 0) FROM'
      || ' (SELECT row_data::text AS j, sum(copies) AS n FROM %s WHERE id = $1 AND author = $2 AND partition = $3 AND row_data IS NOT NULL GROUP BY 1) r'
      || ' LEFT JOIN (SELECT to_json(x.*)::text AS j, count(*) AS n FROM %s t CROSS JOIN LATERAL (SELECT %s) x GROUP BY 1) p'
      || ' ON p.j = r.j', 'fdw_moved_rows', part, tcols)
      INTO found USING '2', 'golden', 'box1_schema.temperatures_2017';
    IF found > 0 THEN
      RAISE EXCEPTION USING MESSAGE = format('attachRangePartition in changelog.xml::2::golden: cannot roll back the rows moved into box1_schema.temperatures_2017 from the DEFAULT partition of box1_schema.temperatures: %s of the %s rows it moved are no longer there unchanged (updated or deleted since). Put them back as they were moved (fdw_moved_rows holds them as JSON), or give the changeset an explicit <rollback>.', found, recorded);
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
      USING '2', 'golden', 'box1_schema.temperatures_2017';
    GET DIAGNOSTICS found = ROW_COUNT;
    IF found <> recorded THEN
      RAISE EXCEPTION USING MESSAGE = format('attachRangePartition in changelog.xml::2::golden: cannot roll back the rows moved into box1_schema.temperatures_2017 from the DEFAULT partition of box1_schema.temperatures: %s rows matched the record while deleting, expected %s (changed concurrently); try again.', found, recorded);
    END IF;
    EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM %s l CROSS JOIN LATERAL json_populate_record(NULL::%s, l.row_data) r'
      || ' CROSS JOIN LATERAL generate_series(1, l.copies) WHERE l.id = $1 AND l.author = $2 AND l.partition = $3 AND l.row_data IS NOT NULL',
      def, cols, rcols, 'fdw_moved_rows', parent)
      USING '2', 'golden', 'box1_schema.temperatures_2017';
  END IF;
  PERFORM set_config('TimeZone', saved[1], true), set_config('DateStyle', saved[2], true), set_config('IntervalStyle', saved[3], true), set_config('extra_float_digits', saved[4], true), set_config('bytea_output', saved[5], true);
  EXECUTE format('DELETE FROM %s WHERE id = $1 AND author = $2 AND partition = $3', 'fdw_moved_rows')
    USING '2', 'golden', 'box1_schema.temperatures_2017';
  IF NOT EXISTS (SELECT FROM fdw_moved_rows) THEN
    DROP TABLE fdw_moved_rows;
  END IF;
  -- the attached table stays, with the rows it held before
END
$fdw$;
-- changeset 3
ALTER TABLE m ATTACH PARTITION "Other Schema".m_low FOR VALUES FROM (MINVALUE, MINVALUE) TO ('10', 'x''y');
-- rollback
ALTER TABLE m DETACH PARTITION "Other Schema".m_low;
-- changeset 4
-- invalid: attachRangePartition in changelog.xml::4::golden: attribute 'from' is "'unterminated": a quoted item is not closed; end it with '.
-- rollback
