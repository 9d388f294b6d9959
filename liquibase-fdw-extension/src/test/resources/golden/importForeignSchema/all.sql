-- changeset 1
IMPORT FOREIGN SCHEMA box2_schema LIMIT TO (temperatures_2016, temperatures_2017) FROM SERVER box2 INTO box1_schema;
-- rollback
DO $fdw$ DECLARE r record; BEGIN FOR r IN SELECT ft.ftrelid::regclass AS t FROM pg_foreign_table ft JOIN pg_class c ON c.oid = ft.ftrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_foreign_server s ON s.oid = ft.ftserver WHERE n.nspname = 'box1_schema' AND s.srvname = 'box2' AND 'schema_name=box2_schema' = ANY (ft.ftoptions) AND ARRAY['table_name=temperatures_2016', 'table_name=temperatures_2017']::text[] && ft.ftoptions LOOP EXECUTE 'DROP FOREIGN TABLE ' || r.t; END LOOP; END $fdw$;
-- changeset 2
IMPORT FOREIGN SCHEMA public EXCEPT (secrets) FROM SERVER box2 INTO "Remote Stuff" OPTIONS (import_default 'true');
-- rollback
DO $fdw$ DECLARE r record; BEGIN FOR r IN SELECT ft.ftrelid::regclass AS t FROM pg_foreign_table ft JOIN pg_class c ON c.oid = ft.ftrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_foreign_server s ON s.oid = ft.ftserver WHERE n.nspname = 'Remote Stuff' AND s.srvname = 'box2' AND 'schema_name=public' = ANY (ft.ftoptions) AND NOT ARRAY['table_name=secrets']::text[] && ft.ftoptions LOOP EXECUTE 'DROP FOREIGN TABLE ' || r.t; END LOOP; END $fdw$;
