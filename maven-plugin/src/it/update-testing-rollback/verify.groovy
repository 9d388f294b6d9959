// updateTestingRollback: the sample passes on empty nodes (rolled back coordinator first, every node as before, then
// updated again) and again with rows on the nodes (the shards' attach rolled back, the rows seen through the
// coordinator's parent as before); a rollback that leaves a table on shard1 and one that leaves a row on shard1 (seen through the
// coordinator's partitioned parent too) fail naming node, object and what differs, with PostgreSQL's checksums.
import liquibase.ext.fdw.it.ItNodes

System.setProperty('fdw.pg.binaries.dir', pgBinariesDir)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def nodes = ['coordinator', 'shard1', 'shard2']

// 1: the sample
def rollbacks = lines.findAll { it.contains('updateTestingRollback: [') && it.contains('] rolling back the ') }
assert rollbacks.take(4) == ['[INFO] updateTestingRollback: [coordinator] rolling back the 8 changeset(s) this update applied',
        '[INFO] updateTestingRollback: [shard1] rolling back the 2 changeset(s) this update applied',
        '[INFO] updateTestingRollback: [shard2] rolling back the 2 changeset(s) this update applied',
        '[INFO] updateTestingRollback: [coordinator] rolling back the 2 changeset(s) this update applied'] : rollbacks.join('\n')
assert lines.findAll { it =~ /^\[INFO\] \[coordinator\] rolled back / }.collect { it.replaceAll(/ \(\d+ ms\)$/, '') }.drop(10).take(2) == [
        '[INFO] [coordinator] rolled back coordinator/changelog.yaml::demo-read-back::alice',
        '[INFO] [coordinator] rolled back coordinator/changelog.yaml::attach-shards::alice']
assert lines.count { it == "[INFO] updateTestingRollback: after the rollback every node's catalogs and rows are as before the update; updating again" } == 2
assert lines.count { it.contains('temperatures: London 2016 and Oslo 2017 read back from the shards') } == 4
assert log =~ /\[INFO\] coordinator +8 +0 +\d+ ms +OK\n/

// 2: a table left behind
def header = "updateTestingRollback: rolling back this run's changesets did not restore what was there before the update"
assert log.contains("""${header} (3 difference(s)); fix the rollback of the changesets that create or change these objects; the nodes are left as the rollback left them:
  [shard1] column box2_schema.audit.id: left behind by the rollback (integer, position 1)
  [shard1] column box2_schema.audit.note: left behind by the rollback (text, position 2)
  [shard1] relation box2_schema.audit: left behind by the rollback (table, owner postgres)""")
assert ItNodes.query(basedir, 'shard1', "SELECT count(*) FROM pg_tables WHERE tablename = 'audit'") == ['1']

// 3: a row left behind, on the shard and through the coordinator's parent; the checksums are PostgreSQL's sums of
// row hashes (the shards must run for the coordinator's parent to be read)
nodes.each { ItNodes.node(basedir, it) }
def checksum = { String node, String table, String where ->
    ItNodes.query(basedir, node, "SELECT count(*) || ' row(s), checksum ' || coalesce(sum(hashtextextended(t::text, 0)::numeric), 0)"
            + " FROM $table AS t $where")[0]
}
def parentBefore = checksum('coordinator', 'box1_schema.temperatures', "WHERE city <> 'Lisbon'")
def parentAfter = checksum('coordinator', 'box1_schema.temperatures', '')
def shardBefore = checksum('shard1', 'box2_schema.temperatures_2016', "WHERE city <> 'Lisbon'")
def shardAfter = checksum('shard1', 'box2_schema.temperatures_2016', '')
assert parentAfter.startsWith('4 row(s)') && shardAfter.startsWith('2 row(s)')
assert log.contains("""${header} (2 difference(s)); fix the rollback of the changesets that create or change these objects; the nodes are left as the rollback left them:
  [coordinator] rows of box1_schema.temperatures: before the update ${parentBefore}; after the rollback ${parentAfter}
  [shard1] rows of box2_schema.temperatures_2016: before the update ${shardBefore}; after the rollback ${shardAfter}""")

nodes.each { assert !log.contains(ItNodes.password(basedir, it)) : "the $it password appears in the build log" }
nodes.each { ItNodes.stop(basedir, it) }
return true
