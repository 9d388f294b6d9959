// The sample's coordinator and shard changelogs, copied beside this project's topology (which adds shard3) and its
// coordinator changelog (which includes the sample's and adds the move).
import java.nio.file.Files
import java.nio.file.StandardCopyOption

['coordinator/changelog.yaml', 'shard/changelog.yaml'].each { path ->
    def target = new File(basedir, "liquibase/$path").toPath()
    Files.createDirectories(target.parent)
    Files.copy(new File(sampleDir, path).toPath(), target, StandardCopyOption.REPLACE_EXISTING)
}
return true
