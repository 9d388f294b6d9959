-- changeset 1
DROP USER MAPPING IF EXISTS FOR PUBLIC SERVER box2;
-- rollback
-- (no automatic rollback)
