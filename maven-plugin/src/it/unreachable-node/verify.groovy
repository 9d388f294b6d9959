// shard2 cannot be reached: the build fails naming the node and address, and the reachable shard1 was not changed.
import liquibase.ext.fdw.it.ItNodes

System.setProperty('fdw.pg.binaries.dir', pgBinariesDir)
def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] Failed to execute goal .*:update \(default-cli\) on project unreachable-node: node 'shard2': cannot connect to jdbc:postgresql:\/\/127\.0\.0\.1:1\/shard2 as app: .+ Nothing was changed on any node\..* -> \[Help 1\]/
assert !log.contains('it-secret-Shard2-pw')
assert !log.contains('] applied ')
assert ItNodes.query(basedir, 'shard1', "SELECT count(*) FROM pg_class WHERE relname LIKE 'databasechangelog%'") == ['0']
ItNodes.stop(basedir, 'shard1')
return true
