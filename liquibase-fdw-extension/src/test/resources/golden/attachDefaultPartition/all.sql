-- changeset 1
ALTER TABLE box1_schema.temperatures ATTACH PARTITION box1_schema.temps_default DEFAULT;
-- rollback
ALTER TABLE box1_schema.temperatures DETACH PARTITION box1_schema.temps_default;
