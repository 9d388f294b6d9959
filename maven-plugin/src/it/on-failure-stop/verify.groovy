// shard2 fails on its third changeset with onFailure=stop: shard1 keeps its changes, shard2 keeps the two that
// committed, the nodes of the next level never run, and every lock is free again.
import groovy.json.JsonSlurper
import liquibase.ext.fdw.it.ItNodes

System.setProperty('fdw.pg.binaries.dir', pgBinariesDir)
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] [shard2] failed shard/broken.yaml::broken::it (')
assert log.contains('): Migration failed for changeset shard/broken.yaml::broken::it: Reason: ERROR: relation "no_such_table" does not exist Position: 13 [Failed SQL: (0) INSERT INTO no_such_table VALUES (1)]')
assert log =~ /\[INFO\] shard1 +2 +0 +\d+ ms +OK\n/
assert log =~ /\[INFO\] shard2 +2 +0 +\d+ ms +FAILED\n/
assert log =~ /\[INFO\] coordinator +0 +0 +0 ms +NOT_RUN\n/
assert log =~ /\[INFO\] reports +0 +0 +0 ms +NOT_RUN\n/
assert log.contains("fdw:update failed on node 'shard2': Migration failed for changeset shard/broken.yaml::broken::it")

def report = new JsonSlurper().parse(new File(basedir, 'target/fdw/report.json'))
assert report.result == 'FAILED'
assert report.nodes.collect { "$it.node $it.result" } == ['shard1 OK', 'shard2 FAILED', 'coordinator NOT_RUN', 'reports NOT_RUN']
assert report.nodes.find { it.node == 'reports' }.message == 'not run: the run stopped after a failure (onFailure=stop)'

assert ItNodes.query(basedir, 'shard1', 'SELECT id FROM databasechangelog ORDER BY orderexecuted') == ['readings', 'seed']
assert ItNodes.query(basedir, 'shard2', 'SELECT id FROM databasechangelog ORDER BY orderexecuted') == ['readings', 'seed']
assert ItNodes.leftovers(basedir, 'coordinator').isEmpty()
assert ItNodes.leftovers(basedir, 'reports').isEmpty()
['coordinator', 'reports', 'shard1', 'shard2'].each { node ->
    assert ItNodes.query(basedir, node, 'SELECT count(*) FROM databasechangeloglock WHERE locked') == ['0'] : "$node is still locked"
    ItNodes.stop(basedir, node)
}
return true
