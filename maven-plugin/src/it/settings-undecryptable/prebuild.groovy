// Maven looks for the master password in a file that does not exist, so settings.xml's {...} cannot be decrypted.
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dsettings.security=${new File(basedir, 'no-such-settings-security.xml').absolutePath}\n"
return true
