-- changeset 1
CREATE USER MAPPING FOR CURRENT_USER SERVER box2 OPTIONS (user 'user2', password 's3cr''et');
-- rollback
DROP USER MAPPING FOR CURRENT_USER SERVER box2;
-- changeset 2
CREATE USER MAPPING IF NOT EXISTS FOR "App User" SERVER box2 OPTIONS (user 'app');
-- rollback
DROP USER MAPPING FOR "App User" SERVER box2;
