// The update ran as app, logged in with the decrypted settings.xml password, which appears nowhere in the log.
import liquibase.ext.fdw.nodes.NodeLauncher
import liquibase.ext.fdw.nodes.NodeSpec

System.setProperty('fdw.pg.binaries.dir', pgBinariesDir)
def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\] shard1 +2 +0 +\d+ ms +OK\n/
assert !log.contains('app-Secret-1')
def node = NodeLauncher.start(NodeSpec.builder('external', new File(basedir, 'target/external').toPath()).build())
def c = node.connect('shard', 'app', 'app-Secret-1')
try {
    def rs = c.createStatement().executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = 'readings_shard1'")
    assert rs.next() && rs.getString(1) == 'app'
} finally {
    c.close()
    node.stop()
}
return true
