-- changeset 1
DO $fdw$
DECLARE
  parent regclass := 'cities'::regclass;
  def regclass;
  cols text;
BEGIN
  SELECT i.inhrelid::regclass INTO def FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
  IF def IS NOT NULL THEN
    EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, def);
  END IF;
  ALTER TABLE cities ATTACH PARTITION cities_nordic FOR VALUES IN ('Oslo', 'Bergen', 'Malmö');
  IF def IS NOT NULL THEN
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols FROM pg_attribute
      WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
    EXECUTE format('WITH moved AS (DELETE FROM %s WHERE %s RETURNING %s) INSERT INTO %s (%s) SELECT %s FROM moved',
      def, pg_get_partition_constraintdef('cities_nordic'::regclass), cols, 'cities_nordic', cols, cols);
    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', parent, def);
  END IF;
END
$fdw$;
-- rollback
ALTER TABLE cities DETACH PARTITION cities_nordic;
-- changeset 2
ALTER TABLE cities ATTACH PARTITION cities_null FOR VALUES IN (NULL);
-- rollback
ALTER TABLE cities DETACH PARTITION cities_null;
