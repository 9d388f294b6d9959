// The sample went through every goal: SQL files without secrets, rows read back through the coordinator, nothing
// pending afterwards, the coordinator rolled back before the shards, and every catalog empty at the end.
import groovy.json.JsonSlurper
import liquibase.ext.fdw.it.ItNodes

System.setProperty('fdw.pg.binaries.dir', pgBinariesDir)
def nodes = ['coordinator', 'shard1', 'shard2']
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def passwords = nodes.collect { ItNodes.password(basedir, it) }

// validate, updateSQL
nodes.each { assert log.contains("[INFO] [$it] changelog ") }
def sql = { String name -> new File(basedir, "target/fdw/$name").text }
assert sql('coordinator.sql').contains('CREATE SERVER')
assert sql('coordinator.sql').contains('CREATE USER MAPPING FOR CURRENT_USER SERVER')
assert sql('coordinator.sql').contains("password '********'")
assert sql('shard1.sql').contains('temperatures_2016')
assert sql('shard2.sql').contains('temperatures_2017')

// update: shards first, the coordinator's read-back ran
def firstCoordinator = lines.findIndexOf { it.startsWith('[INFO] [coordinator] applied ') }
def lastShard = lines.findLastIndexOf { it =~ /^\[INFO\] \[shard\d\] applied / }
assert firstCoordinator > lastShard && lastShard > 0
assert log.contains('temperatures: London 2016 and Oslo 2017 read back from the shards')

// tag, status, history
nodes.each { assert log.contains("[INFO] [$it] tagged before-demo") }
nodes.each { assert log.contains("[INFO] [$it] up to date") }
assert log =~ /\[INFO\] \[coordinator\]   \d{4}-\d\d-\d\d \d\d:\d\d:\d\d coordinator\/changelog.yaml::fdw-2::alice EXECUTED/

// graph: the three files show both shards and their year ranges as PostgreSQL prints the bounds; no secrets
def out = { String name -> new File(basedir, "target/fdw/$name").text }
def svg = new groovy.xml.XmlSlurper(false, true).parseText(out('topology.svg'))
def texts = svg.'**'.findAll { it.name() == 'text' }*.text()
['coordinator', 'shard1', 'shard2', 'up to date'].each { assert texts.contains(it) : texts }
[2016, 2017].each { year ->
    def bound = "FOR VALUES FROM ('$year-01-01') TO ('${year + 1}-01-01')"
    assert texts.any { it.endsWith("temperatures_$year  $bound") } : texts
    assert out('topology.mmd').contains("temperatures_$year<br/>$bound")
    assert out('report.html').contains("temperatures_$year</td><td class=\"bound\">${bound.replace("'", '&#39;')}</td>")
}
['topology.svg', 'topology.mmd', 'report.html'].each { name -> passwords.each { assert !out(name).contains(it) } }
assert !(out('report.html') =~ /https?:/)
assert log.contains('[INFO] Picture: ')

// rollback to the tag: the demo changesets of the coordinator, nothing on the shards
def toTag = lines.subList(lines.findIndexOf { it.contains(':rollback (default-cli)') }, lines.size())
toTag = toTag.subList(0, toTag.findIndexOf { it.startsWith('[INFO] BUILD') })
def demoRolledBack = toTag.findAll { it =~ /^\[INFO\] \[\w+\] rolled back / }.collect { it.replaceAll(/ \(\d+ ms\)$/, '') }
assert demoRolledBack == ['[INFO] [coordinator] rolled back coordinator/changelog.yaml::demo-read-back::alice',
        '[INFO] [coordinator] rolled back coordinator/changelog.yaml::demo-rows::alice'] : demoRolledBack.join('\n')

// rollbackSQL
assert sql('coordinator-rollback.sql').contains('DROP SERVER')
assert sql('shard1-rollback.sql').contains('DROP TABLE')

// rollback to a date: the coordinator before the shards
def toDate = lines.subList(lines.findLastIndexOf { it.contains(':rollback (default-cli)') }, lines.size())
def rolledBack = toDate.findAll { it =~ /^\[INFO\] \[\w+\] rolled back / }
def lastCoordinatorRollback = rolledBack.findLastIndexOf { it.contains('[coordinator]') }
def firstShardRollback = rolledBack.findIndexOf { it =~ /\[shard\d\]/ }
assert lastCoordinatorRollback >= 0 && firstShardRollback > lastCoordinatorRollback

def report = new JsonSlurper().parse(new File(basedir, 'target/fdw/report.json'))
assert report.goal == 'rollback' && report.result == 'OK'

passwords.each { password ->
    assert !log.contains(password) : 'a node password appears in the build log'
    new File(basedir, 'target/fdw').eachFileMatch(~/.*\.(sql|json)/) { assert !it.text.contains(password) : "a node password appears in $it" }
}
def leftovers = nodes.collectMany { ItNodes.leftovers(basedir, it) }
assert leftovers.isEmpty() : leftovers.join('\n')
nodes.each { ItNodes.stop(basedir, it) }
return true
