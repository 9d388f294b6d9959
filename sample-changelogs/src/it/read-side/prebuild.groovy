// Starts a coordinator, two shards and an empty node ("copy") for the generated changelog, and hands their
// coordinates to the build as -D properties.
import liquibase.ext.fdw.nodes.NodeLauncher
import liquibase.ext.fdw.nodes.NodeSpec

System.setProperty('fdw.pg.binaries.dir', pgBinariesDir)
def args = []
['coordinator', 'shard1', 'shard2', 'copy'].each { name ->
    def node = NodeLauncher.start(NodeSpec.builder(name, new File(basedir, "nodes/$name").toPath()).database(name).build())
    args << "-Dnode.${name}.url=${node.jdbcUrl()}"
    args << "-Dnode.${name}.password=${node.password()}"
    args << "-Dfdw.node.${name}.host=${node.host()}"
    args << "-Dfdw.node.${name}.port=${node.port()}"
    args << "-Dfdw.node.${name}.dbname=${node.database()}"
    args << "-Dfdw.node.${name}.username=${node.username()}"
    args << "-Dfdw.node.${name}.password=${node.password()}"
}
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = args.join('\n') + '\n'
return true
