-- changeset 1
ALTER SERVER box2 OPTIONS (ADD fetch_size '500', ADD application_name E'it''s; \\ünï');
-- rollback
ALTER SERVER box2 OPTIONS (DROP fetch_size, DROP application_name);
-- changeset 2
ALTER SERVER "Box ""2""" VERSION '17.2' OPTIONS (SET port '5433', DROP fetch_size);
-- rollback
-- (no automatic rollback)
-- changeset 3
-- invalid: alterForeignServer in changelog.xml::3::golden: option 'parallel_commit' needs PostgreSQL 15 or later, the database is PostgreSQL 14; remove the option or upgrade the server.
-- rollback
-- changeset 4
-- invalid: alterForeignServer in changelog.xml::4::golden: option 'fetch_size' has action drop and a value; remove value="10".
-- rollback
