// On both Liquibase versions: the generated changelog holds the partitioned table, its partitions and the FDW objects
// (no plain createTable, no password); the copy built from it has no difference with the coordinator; dropAll left
// both nodes with an empty catalog.
import liquibase.ext.fdw.nodes.NodeLauncher
import liquibase.ext.fdw.nodes.NodeSpec

def config = new File(basedir, '.mvn/maven.config').readLines()
def password = { name -> config.find { it.startsWith("-Dnode.${name}.password=") }.split('=', 2)[1] }
def log = new File(basedir, 'build.log').text
assert !log.contains(password('shard1')) : 'a node password appears in the build log'

['4.33.0', '5.0.4'].each { version ->
    assert log.contains("liquibase-maven-plugin:${version}:generateChangeLog") && log.contains("liquibase-maven-plugin:${version}:dropAll")
    def changelog = new File(basedir, "target/generated-${version}.yaml").text
    ['createPartitionedTable:', 'createPartition:', 'attachRangePartition:', 'createForeignTable:', 'createForeignServer:',
     'createUserMapping:', 'createExtension:', 'password: ${shard1.password}'].each {
        assert changelog.contains(it) : "$version: no $it in the generated changelog"
    }
    assert !changelog.contains('createTable:') : "$version: a partition or the parent was generated as a plain table"
    assert !changelog.contains(password('shard1')) : "$version: the generated changelog holds a password"
    def diff = new File(basedir, "target/diff-${version}.txt").text
    ['Partition', 'Foreign Table', 'Foreign Server', 'User Mapping', 'Extension', 'Table', 'Column'].each { type ->
        ['Missing', 'Unexpected', 'Changed'].each { kind ->
            assert diff.contains("$kind $type(s): NONE") : "$version: $kind $type(s) in\n$diff"
        }
    }
}

def failures = []
['coordinator', 'copy'].each { name ->
    def node = NodeLauncher.start(NodeSpec.builder(name, new File(basedir, "nodes/$name").toPath()).database(name).build())
    def c = node.connect()
    try {
        def count = { String sql -> def rs = c.createStatement().executeQuery(sql); rs.next(); rs.getInt(1) }
        [
            'relations'      : "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')",
            'foreign servers': 'SELECT count(*) FROM pg_foreign_server',
            'user mappings'  : 'SELECT count(*) FROM pg_user_mappings',
            'extensions'     : "SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql'",
        ].each { what, sql ->
            def n = count(sql)
            if (n != 0) failures << "$name: $n $what left after dropAll"
        }
    } finally {
        c.close()
    }
}
['coordinator', 'shard1', 'shard2', 'copy'].each { name ->
    NodeLauncher.start(NodeSpec.builder(name, new File(basedir, "nodes/$name").toPath()).database(name).build()).stop()
}
assert failures.isEmpty() : failures.join('\n')
return true
