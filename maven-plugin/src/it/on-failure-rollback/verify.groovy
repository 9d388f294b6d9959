// The coordinator fails on its fourth changeset, after both shards and reports were updated, with
// onFailure=rollback: every node is returned to its state before the run (here: empty), the coordinator first.
import groovy.json.JsonSlurper
import liquibase.ext.fdw.it.ItNodes

System.setProperty('fdw.pg.binaries.dir', pgBinariesDir)
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] [coordinator] failed coordinator/broken.yaml::broken::it (')
assert log.contains('[INFO] onFailure=rollback: returning every node this run changed to its state before the run')
def rollbacks = log.readLines().findAll { it.contains('] rolled back ') }.collect { it.replaceAll(/ \(\d+ ms\)$/, '') }
assert rollbacks.take(4) == ['[INFO] [coordinator] rolled back coordinator/changelog.yaml::read-back::it',
        '[INFO] [coordinator] rolled back coordinator/changelog.yaml::import::it',
        '[INFO] [coordinator] rolled back coordinator/changelog.yaml::fdw::it',
        '[INFO] [reports] rolled back reports/changelog.yaml::report::it']
assert rollbacks.size() == 8
assert log =~ /\[INFO\] shard1 +2 +0 +\d+ ms +ROLLED_BACK\n/
assert log =~ /\[INFO\] shard2 +2 +0 +\d+ ms +ROLLED_BACK\n/
assert log =~ /\[INFO\] coordinator +3 +0 +\d+ ms +FAILED\n/
assert log =~ /\[INFO\] reports +1 +0 +\d+ ms +ROLLED_BACK\n/
assert !log.contains(ItNodes.password(basedir, 'shard1')) : 'the shard password appears in the build log'

def report = new JsonSlurper().parse(new File(basedir, 'target/fdw/report.json'))
assert report.nodes.find { it.node == 'coordinator' }.message.endsWith('; rolled back the 3 changeset(s) this run applied')

['coordinator', 'reports', 'shard1', 'shard2'].each { node ->
    assert ItNodes.leftovers(basedir, node).isEmpty()
    assert ItNodes.query(basedir, node, 'SELECT count(*) FROM databasechangeloglock WHERE locked') == ['0'] : "$node is still locked"
    ItNodes.stop(basedir, node)
}
return true
