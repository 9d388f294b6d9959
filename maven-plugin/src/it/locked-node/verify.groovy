// The first update met shard1's lock held by another process and changed nothing (shard2 included); after
// fdw:releaseLocks the next update applied both shards.
import liquibase.ext.fdw.it.ItNodes

System.setProperty('fdw.pg.binaries.dir', pgBinariesDir)
def log = new File(basedir, 'build.log').text
assert log.contains("on project locked-node: node 'shard1': the Liquibase lock is held by build-agent-7 (10.0.0.7) since ")
assert log.contains('; wait for that update to finish, or if it died, run mvn fdw:releaseLocks -Dfdw.nodes=shard1. Nothing was changed on any node. -> [Help 1]')
assert log.contains('[INFO] [shard1] Liquibase lock released')
assert log =~ /\[INFO\] shard1 +2 +0 +\d+ ms +OK\n/
assert log =~ /\[INFO\] shard2 +2 +0 +\d+ ms +OK\n/
['shard1', 'shard2'].each { node ->
    assert ItNodes.query(basedir, node, 'SELECT count(*) FROM databasechangelog') == ['2']
    assert ItNodes.query(basedir, node, 'SELECT count(*) FROM databasechangeloglock WHERE locked') == ['0']
    ItNodes.stop(basedir, node)
}
return true
