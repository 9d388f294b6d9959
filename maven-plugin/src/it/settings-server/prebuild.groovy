// An "external" PostgreSQL server (not managed by the plugin) with a login role app/app-Secret-1 owning database
// shard; the topology reaches it by URL with serverId it-external-shard, whose password settings.xml encrypts.
import liquibase.ext.fdw.nodes.NodeLauncher
import liquibase.ext.fdw.nodes.NodeSpec

System.setProperty('fdw.pg.binaries.dir', pgBinariesDir)
def node = NodeLauncher.start(NodeSpec.builder('external', new File(basedir, 'target/external').toPath()).build())
def c = node.connect()
try {
    c.createStatement().execute("CREATE ROLE app LOGIN PASSWORD 'app-Secret-1'")
    c.createStatement().execute('CREATE DATABASE shard OWNER app')
} finally {
    c.close()
}
new File(basedir, 'src/main/liquibase').mkdirs()
new File(basedir, 'src/main/liquibase/topology.yaml').text = """\
nodes:
  shard1:
    url: jdbc:postgresql://${node.host()}:${node.port()}/shard
    serverId: it-external-shard
    changeLogFile: shard/changelog.yaml
"""
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dsettings.security=${new File(basedir, 'settings-security.xml').absolutePath}\n"
return true
