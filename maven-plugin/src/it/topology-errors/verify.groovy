// Each broken topology file fails the build with a message naming the file, line, node and key, and no node was
// started for it.
def log = new File(basedir, 'build.log').text
def prefix = '[ERROR] Failed to execute goal io.github.lbfdw:liquibase-fdw-maven-plugin:' + projectVersion + ':update (default-cli) on project topology-errors: '
[
    'cycle.yaml: dependsOn forms a cycle: coordinator -> shard1 -> reports -> coordinator; remove one of these dependencies.',
    "typo.yaml line 7: node 'shard1' has unknown key 'dependOn'; did you mean 'dependsOn'?",
    "unknown-target.yaml line 2: node 'coordinator' depends on unknown node 'shard3'; known nodes are coordinator, shard1.",
].each { message ->
    assert log.contains(prefix + message + ' -> [Help 1]') : "missing: $message"
}
assert !new File(basedir, 'target/fdw/nodes').exists() : 'a node was started for a broken topology'
return true
