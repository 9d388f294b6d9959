-- changeset 1
ALTER SERVER box2 OPTIONS (ADD fetch_size '500', ADD application_name E'it''s; \\ünï');
-- rollback
ALTER SERVER box2 OPTIONS (DROP fetch_size, DROP application_name);
-- changeset 2
ALTER SERVER "Box ""2""" VERSION '17.2' OPTIONS (SET port '5433', DROP fetch_size);
-- rollback
-- (no automatic rollback)
-- changeset 3
ALTER SERVER box2 OPTIONS (ADD parallel_commit 'true');
-- rollback
ALTER SERVER box2 OPTIONS (DROP parallel_commit);
-- changeset 4
-- invalid: alterForeignServer in changelog.xml::4::golden: option 'fetch_size' has action drop and a value; remove value="10".
-- rollback
