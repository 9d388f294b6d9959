-- changeset 1
ALTER USER MAPPING FOR CURRENT_USER SERVER box2 OPTIONS (SET password 'n3w''pa$$');
-- rollback
-- (no automatic rollback)
-- changeset 2
ALTER USER MAPPING FOR "App User" SERVER box2 OPTIONS (SET user 'app2', ADD password_required 'false', DROP sslkey);
-- rollback
-- (no automatic rollback)
-- changeset 3
-- invalid: alterUserMapping in changelog.xml::3::golden: nothing to change; set user or password, or add <fdw:option name="..." value="..." action="add|set|drop"/>.
-- rollback
