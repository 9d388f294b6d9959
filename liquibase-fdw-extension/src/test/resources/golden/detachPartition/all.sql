-- changeset 1
ALTER TABLE box1_schema.temperatures DETACH PARTITION box1_schema.temperatures_2016;
-- rollback
ALTER TABLE box1_schema.temperatures ATTACH PARTITION box1_schema.temperatures_2016 FOR VALUES FROM ('2016-01-01') TO ('2017-01-01');
-- changeset 2
ALTER TABLE temperatures DETACH PARTITION temperatures_2017;
-- rollback
-- (no automatic rollback)
-- changeset 3
ALTER TABLE temperatures DETACH PARTITION t CONCURRENTLY;
-- rollback
ALTER TABLE temperatures ATTACH PARTITION t DEFAULT;
-- changeset 4
-- invalid: detachPartition in changelog.xml::4::golden: concurrently="true" cannot run inside a transaction; set runInTransaction="false" on changeset 4 (and keep it to this one change).
-- rollback
-- changeset 5
ALTER TABLE temperatures DETACH PARTITION t FINALIZE;
-- rollback
-- (no automatic rollback)
