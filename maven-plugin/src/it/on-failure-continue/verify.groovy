// shard2 fails with onFailure=continue: reports (which needs only shard1) still runs, the coordinator (which needs
// shard2) does not, and every lock is free again.
import groovy.json.JsonSlurper
import liquibase.ext.fdw.it.ItNodes

System.setProperty('fdw.pg.binaries.dir', pgBinariesDir)
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] [shard2] failed shard/broken.yaml::broken::it (')
assert log.contains('[INFO] [reports] applied reports/changelog.yaml::report::it (')
assert log =~ /\[INFO\] shard1 +2 +0 +\d+ ms +OK\n/
assert log =~ /\[INFO\] shard2 +2 +0 +\d+ ms +FAILED\n/
assert log =~ /\[INFO\] coordinator +0 +0 +0 ms +NOT_RUN\n/
assert log =~ /\[INFO\] reports +1 +0 +\d+ ms +OK\n/

def report = new JsonSlurper().parse(new File(basedir, 'target/fdw/report.json'))
assert report.nodes.find { it.node == 'coordinator' }.message == "not run: node 'shard2' failed"

assert ItNodes.query(basedir, 'reports', 'SELECT id FROM databasechangelog') == ['report']
assert ItNodes.leftovers(basedir, 'coordinator').isEmpty()
['coordinator', 'reports', 'shard1', 'shard2'].each { node ->
    assert ItNodes.query(basedir, node, 'SELECT count(*) FROM databasechangeloglock WHERE locked') == ['0'] : "$node is still locked"
    ItNodes.stop(basedir, node)
}
return true
