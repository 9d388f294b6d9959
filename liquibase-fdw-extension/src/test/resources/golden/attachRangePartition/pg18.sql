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
BEGIN
  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  IF def IS NOT NULL THEN
    EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, def);
  END IF;
  ALTER TABLE box1_schema.temperatures ATTACH PARTITION box1_schema.temperatures_2017 FOR VALUES FROM ('2017-01-01') TO ('2018-01-01');
  IF def IS NOT NULL THEN
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols FROM pg_attribute
      WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
    EXECUTE format('WITH moved AS (DELETE FROM %s WHERE %s RETURNING %s) INSERT INTO %s (%s) SELECT %s FROM moved',
      def, pg_get_partition_constraintdef('box1_schema.temperatures_2017'::regclass), cols, 'box1_schema.temperatures_2017', cols, cols);
    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', parent, def);
  END IF;
END
$fdw$;
-- rollback
ALTER TABLE box1_schema.temperatures DETACH PARTITION box1_schema.temperatures_2017;
-- changeset 3
ALTER TABLE m ATTACH PARTITION "Other Schema".m_low FOR VALUES FROM (MINVALUE, MINVALUE) TO ('10', 'x''y');
-- rollback
ALTER TABLE m DETACH PARTITION "Other Schema".m_low;
-- changeset 4
-- invalid: attachRangePartition in changelog.xml::4::golden: attribute 'from' is "'unterminated": a quoted item is not closed; end it with '.
-- rollback
