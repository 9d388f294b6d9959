// onFailure=rollback, twice: the coordinator fails on its fourth changeset after both shards and reports were
// updated, then a shard fails while the other shard is updated. Each time every node is returned to its state
// before the run (here: empty), dependents first.
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
assert rollbacks.size() == 8 + 4
// The second run: shard2 failed on its third changeset; both shards are rolled back, nothing else ran.
assert log.contains('[ERROR] [shard2] failed shard/broken.yaml::broken::it (')
assert rollbacks.drop(8).collect { it.replaceAll(/::\w+::it$/, '') }.sort() == ['[INFO] [shard1] rolled back shard/changelog.yaml',
        '[INFO] [shard1] rolled back shard/changelog.yaml', '[INFO] [shard2] rolled back shard/changelog.yaml',
        '[INFO] [shard2] rolled back shard/changelog.yaml']
assert log =~ /\[INFO\] shard2 +2 +0 +\d+ ms +FAILED\n/
assert log =~ /\[INFO\] coordinator +0 +0 +0 ms +NOT_RUN\n/
assert log =~ /\[INFO\] shard1 +2 +0 +\d+ ms +ROLLED_BACK\n/
assert log =~ /\[INFO\] shard2 +2 +0 +\d+ ms +ROLLED_BACK\n/
assert log =~ /\[INFO\] coordinator +3 +0 +\d+ ms +FAILED\n/
assert log =~ /\[INFO\] reports +1 +0 +\d+ ms +ROLLED_BACK\n/
assert !log.contains(ItNodes.password(basedir, 'shard1')) : 'the shard password appears in the build log'

def report = new JsonSlurper().parse(new File(basedir, 'target/fdw/report.json'))
// report.json is the second run's.
assert report.nodes.collect { "$it.node $it.result" } == ['shard1 ROLLED_BACK', 'shard2 FAILED', 'coordinator NOT_RUN', 'reports NOT_RUN']
assert report.nodes.find { it.node == 'shard2' }.message.endsWith('; rolled back the 2 changeset(s) this run applied')
assert log.contains('[INFO] coordinator            3        0') && log =~ /\[INFO\] coordinator +3 +0 +\d+ ms +FAILED\n/

['coordinator', 'reports', 'shard1', 'shard2'].each { node ->
    assert ItNodes.leftovers(basedir, node).isEmpty()
    assert ItNodes.query(basedir, node, 'SELECT count(*) FROM databasechangeloglock WHERE locked') == ['0'] : "$node is still locked"
    ItNodes.stop(basedir, node)
}
return true
