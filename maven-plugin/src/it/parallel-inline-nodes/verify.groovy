// Six nodes updated and rolled back in parallel: every node ran its own thirty changesets against its own
// database, the nodes' progress lines interleave, every lock is free, and fdw:stop left nothing running.
import liquibase.ext.fdw.it.ItNodes
import liquibase.ext.fdw.nodes.NodeLauncher

System.setProperty('fdw.pg.binaries.dir', pgBinariesDir)
def nodes = (1..6).collect { "n$it".toString() }
def lines = new File(basedir, 'build.log').readLines()

// Checked first: reading the catalogs below starts the nodes again.
nodes.each { node ->
    assert !NodeLauncher.isRunning(new File(basedir, "target/fdw/nodes/$node").toPath(), 17) : "fdw:stop left $node running"
}
assert lines.count { it =~ /^\[INFO\] \[n\d\] stopped/ } == 6 : 'fdw:stop did not report every node'

nodes.each { node -> assert lines.any { it.startsWith("[INFO] [$node] PostgreSQL 17 running: psql -h 127.0.0.1 -p ") } : "fdw:start did not report $node" }
def updateLines = lines.findAll { it =~ /^\[INFO\] \[n\d\] applied / }
def firstN1 = updateLines.findIndexOf { it.startsWith('[INFO] [n1] ') }
def lastN1 = updateLines.findIndexOf(firstN1 + 1) { it.startsWith('[INFO] [n1] ') && it.contains('::step-29::') }
assert firstN1 >= 0 && lastN1 > firstN1 : 'n1 did not apply its changesets'
assert updateLines.subList(firstN1, lastN1).any { !it.startsWith('[INFO] [n1] ') } : 'the nodes did not run in parallel'
// Summary lines: update and rollback ("30 0"), status ("0 30"); the second update ran on n1 and n2 only.
nodes.each { node ->
    def expected = node in ['n1', 'n2'] ? 3 : 2
    assert lines.count { it =~ /^\[INFO\] $node +30 +0 +\d+ ms +OK$/ } == expected : "summary of $node"
    assert lines.count { it =~ /^\[INFO\] $node +0 +30 +\d+ ms +OK$/ } == 1 : "status summary of $node"
    assert lines.count { it == "[INFO] [$node] up to date" } == 1 : "status of $node"
    assert lines.count { it =~ /^\[INFO\] \[$node\] rolled back / } == 30 : "rollback of $node"
}

['n1', 'n2'].each { node ->
    assert ItNodes.query(basedir, node, 'SELECT count(*) FROM visits') == ['29']
    assert ItNodes.query(basedir, node, 'SELECT DISTINCT node FROM visits') == [node]
    assert ItNodes.query(basedir, node, 'SELECT DISTINCT label FROM visits') == ['from the POM']
}
nodes.drop(2).each { assert ItNodes.leftovers(basedir, it).isEmpty() }
nodes.each { node ->
    assert ItNodes.query(basedir, node, 'SELECT count(*) FROM databasechangeloglock WHERE locked') == ['0'] : "$node is still locked"
    ItNodes.stop(basedir, node)
}
return true
