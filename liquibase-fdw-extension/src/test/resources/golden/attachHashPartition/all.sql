-- changeset 1
ALTER TABLE h ATTACH PARTITION h1 FOR VALUES WITH (MODULUS 4, REMAINDER 1);
-- rollback
ALTER TABLE h DETACH PARTITION h1;
-- changeset 2
-- invalid: attachHashPartition in changelog.xml::2::golden: modulus is 0; it must be a positive integer.
-- rollback
