// Another process holds shard1's Liquibase lock (e.g. an update that died on a build agent).
import liquibase.ext.fdw.it.ItNodes

System.setProperty('fdw.pg.binaries.dir', pgBinariesDir)
ItNodes.execute(basedir, 'shard1', '''
    CREATE TABLE databasechangeloglock (id INT PRIMARY KEY, locked BOOLEAN NOT NULL, lockgranted TIMESTAMP, lockedby VARCHAR(255));
    INSERT INTO databasechangeloglock VALUES (1, TRUE, TIMESTAMP '2026-11-24 08:15:00', 'build-agent-7 (10.0.0.7)')''')
return true
