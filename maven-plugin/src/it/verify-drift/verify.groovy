// fdw:verify found the sample clean after fdw:update; after the drift it named every difference, wrote verify.json
// and failed the build; no node password reached the log.
import groovy.json.JsonSlurper
import liquibase.ext.fdw.it.ItNodes

System.setProperty('fdw.pg.binaries.dir', pgBinariesDir)
def nodes = ['coordinator', 'shard1', 'shard2']
def log = new File(basedir, 'build.log').text
nodes.each { name ->
    assert !log.contains(ItNodes.password(basedir, name)) : "the password of $name appears in the build log"
    assert log.contains("[INFO] [$name] clean: no drift found") : "fdw:verify did not find $name clean after fdw:update"
}
def port = ItNodes.node(basedir, 'shard1').port()
def bound = "FOR VALUES FROM ('2017-01-01') TO ('2018-01-01')"
def expected = [
    "[coordinator] coordinator/changelog.yaml::demo-read-back::alice: changeset-pending: the changeset is in the changelog but not applied on coordinator; fix: run the topology's update",
    "[coordinator] shard1: server-address: server shard1 connects to host 127.0.0.1 port 1 dbname shard1, which is no node of the topology; node shard1 is at host 127.0.0.1 port $port dbname shard1; fix: point the server at node shard1 with an alterForeignServer changeset on coordinator (set port '$port')",
    "[coordinator] shard1: server-unreachable: reading foreign table box1_schema.temperatures_2016 through server shard1 failed: could not connect to server \"shard1\"",
    "[coordinator] shard2: server-unreachable: reading foreign table box1_schema.temperatures_2017 through server shard2 failed: user mapping not found",
    "[coordinator] postgres@shard2: user-mapping-missing: role postgres can read box1_schema.temperatures but has no user mapping for server shard2 (nor has PUBLIC), so its queries of foreign table box1_schema.temperatures_2017 fail; fix: add a createUserMapping changeset (userName postgres, serverName shard2) to coordinator's changelog, or revoke the role's SELECT",
    "[shard2] box2_schema.temperatures_2017: column-type: column temp is integer on shard2 but numeric in foreign table box1_schema.temperatures_2017 on coordinator; fix: make them agree: alter the column back to numeric in shard2's changelog, or ALTER FOREIGN TABLE box1_schema.temperatures_2017 ALTER COLUMN temp TYPE integer on coordinator",
    "[shard2] box2_schema.temperatures_2017: bounds-check-missing: no CHECK constraint of box2_schema.temperatures_2017 matches the bound of foreign partition box1_schema.temperatures_2017 on coordinator ($bound), CHECK (((reading_date IS NOT NULL) AND (reading_date >= '2017-01-01'::date) AND (reading_date < '2018-01-01'::date))); fix: add a createBoundsCheck changeset (schemaName box2_schema, tableName temperatures_2017, the partition's bound) in shard2's changelog, so no row outside the bound can be written there",
    "[shard2] box2_schema.temperatures_2017: rows-outside-bounds: 1 row(s) of box2_schema.temperatures_2017 lie outside the bound of foreign partition box1_schema.temperatures_2017 on coordinator ($bound); fix: move those rows to the partition their key belongs in (or delete them) on shard2, then add a createBoundsCheck changeset so it cannot happen again",
]
def reported = log.readLines().findAll { it ==~ /\[ERROR\] \[(coordinator|shard1|shard2)\] .*/ }.collect { it.substring(8) }.unique()
def missing = expected.findAll { line -> !reported.any { it.startsWith(line) } }
assert missing.isEmpty() : "fdw:verify did not report:\n${missing.join('\n')}\nit reported:\n${reported.join('\n')}"
assert reported.size() == expected.size() : "fdw:verify reported other findings too:\n${reported.join('\n')}"
assert log.contains('verify found 8 difference(s) between the topology and its nodes:')
assert log.contains('Fix them and run mvn fdw:verify again (-Dfdw.failOnDrift=false reports drift without failing).')

def json = new JsonSlurper().parse(new File(basedir, 'target/fdw/verify.json'))
assert json.goal == 'verify' && json.clean == false
assert json.nodes*.node == nodes
assert json.nodes*.clean == [false, true, false]
assert json.nodes[2].findings*.kind == ['column-type', 'bounds-check-missing', 'rows-outside-bounds']
nodes.each { ItNodes.stop(basedir, it) }
return true
