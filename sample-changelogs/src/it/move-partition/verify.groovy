// The 2017 partition went to shard3 by COPY and came back by COPY; after the rollback shard3 holds only its own 2018
// table (the one the move created is dropped), shard2 holds 2017 again, and the parent shows every row once.
import liquibase.ext.fdw.nodes.NodeLauncher
import liquibase.ext.fdw.nodes.NodeSpec

System.setProperty('fdw.pg.binaries.dir', pgBinariesDir)
def log = new File(basedir, 'build.log').text
assert log.contains('temperatures: 2017 moved to shard3, every row read back through the parent')
assert log.contains('movePartition in coordinator/move.yaml::move-2017::alice: 20001 rows copied with COPY (binary, rows hashed by their types\' hash functions) from server shard2 to server shard3')
assert log =~ /\[coordinator\] rolled back coordinator\/move.yaml::move-2017::alice/
assert log.contains('movePartition in coordinator/move.yaml::move-2017::alice: 20001 rows copied with COPY (binary, rows hashed by their types\' hash functions) from server shard3 to server shard2')

def nodes = ['coordinator', 'shard1', 'shard2', 'shard3'].collectEntries { name ->
    [name, NodeLauncher.start(NodeSpec.builder(name, new File(basedir, "target/fdw/nodes/$name").toPath()).database(name).build())]
}
def query = { String name, String sql ->
    def c = nodes[name].connect()
    try {
        def rs = c.createStatement().executeQuery(sql)
        def values = []
        while (rs.next()) values << rs.getString(1)
        values
    } finally {
        c.close()
    }
}
nodes.each { name, node -> assert !log.contains(node.password()) : "the password of $name appears in the build log" }
def tables = "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace" +
        " WHERE c.relkind = 'r' AND n.nspname = 'box2_schema' ORDER BY 1"
// shard3's table for 2017 is dropped by a session that waits for the rollback's commit on shard3.
for (int i = 0; query('shard3', tables) != ['box2_schema.temperatures_2018']; i++) {
    assert i < 600 : "shard3 still holds ${query('shard3', tables)}"
    Thread.sleep(50)
}
assert query('shard2', tables) == ['box2_schema.temperatures_2017']
assert query('shard2', 'SELECT count(*) FROM box2_schema.temperatures_2017') == ['20001']
assert query('coordinator', 'SELECT count(*) || \' \' || count(DISTINCT t) FROM box1_schema.temperatures t') == ['20003 20003']
assert query('coordinator', "SELECT s.srvname FROM pg_foreign_table f JOIN pg_foreign_server s ON s.oid = f.ftserver" +
        " WHERE f.ftrelid = 'box1_schema.temperatures_2017'::regclass") == ['shard2']
assert query('coordinator', "SELECT count(*) FROM pg_foreign_server WHERE srvname = 'shard3'") == ['0']
nodes.values().each { it.stop() }
return true
