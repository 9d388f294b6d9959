// The update read its rows back from the shards; the rollback left every node with an empty catalog.
import liquibase.ext.fdw.nodes.NodeLauncher
import liquibase.ext.fdw.nodes.NodeSpec

def log = new File(basedir, 'build.log').text
def readBacks = log.count('Output: temperatures: London 2016 and Oslo 2017 read back from the shards')
assert readBacks == 2 : "the read-back changeset ran $readBacks times, expected once on Liquibase 4.33 and once on 5.0"
assert log.contains('liquibase-maven-plugin:4.33.0:update') && log.contains('liquibase-maven-plugin:5.0.4:update')
assert !log.contains(new File(basedir, '.mvn/maven.config').readLines().find { it.startsWith('-Dnode.shard1.password=') }.split('=', 2)[1]) : 'a node password appears in the build log'

def failures = []
['coordinator', 'shard1', 'shard2'].each { name ->
    def node = NodeLauncher.start(NodeSpec.builder(name, new File(basedir, "nodes/$name").toPath()).database(name).build())
    def c = node.connect()
    try {
        def count = { String sql -> def rs = c.createStatement().executeQuery(sql); rs.next(); rs.getInt(1) }
        def checks = [
            'user schemas'      : "SELECT count(*) FROM pg_namespace WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%'",
            'user relations'    : "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND c.relname NOT LIKE 'databasechangelog%'",
            'foreign servers'   : 'SELECT count(*) FROM pg_foreign_server',
            'user mappings'     : 'SELECT count(*) FROM pg_user_mappings',
            'extensions'        : "SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql'",
            'applied changesets': 'SELECT count(*) FROM databasechangelog',
        ]
        checks.each { what, sql ->
            def n = count(sql)
            if (n != 0) failures << "$name: $n $what left after rollback"
        }
    } finally {
        c.close()
        node.stop()
    }
}
assert failures.isEmpty() : failures.join('\n')
return true
