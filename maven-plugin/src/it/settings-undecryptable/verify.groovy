// The build stops at the decryption problem: the encrypted text is never tried as a password on the node.
def log = new File(basedir, 'build.log').text
assert log.contains("on project settings-undecryptable: settings.xml server 'it-external-shard': its password cannot be decrypted: ")
assert log.contains('; check settings-security.xml (mvn --encrypt-master-password) or write the password in clear.')
assert !log.contains('cannot connect to')
return true
