// The first invocation must find empty nodes, also when the project was run before without a clean.
new File(basedir, 'target/fdw/nodes').deleteDir()
return true
