// Starts the sample's embedded nodes where the topology plugin keeps them (it finds them running and uses them), so
// that the drift steps can reach them too; hands their URLs and passwords to the build as -D properties.
import liquibase.ext.fdw.nodes.NodeLauncher
import liquibase.ext.fdw.nodes.NodeSpec

System.setProperty('fdw.pg.binaries.dir', pgBinariesDir)
def args = []
['coordinator', 'shard1', 'shard2'].each { name ->
    def node = NodeLauncher.start(NodeSpec.builder(name, new File(basedir, "target/fdw/nodes/$name").toPath())
            .major(17).database(name).build())
    args << "-Dnode.${name}.url=${node.jdbcUrl()}"
    args << "-Dnode.${name}.password=${node.password()}"
}
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = args.join('\n') + '\n'
return true
