import java.util.zip.ZipFile

def json = new groovy.json.JsonSlurper()
def log = new File(basedir, 'build.log').text
def coords = 'io.github.hotpatch.it:fanin-deployed-variants:1'
def remote = new File(basedir, 'target/remote/io/github/hotpatch/it/fanin-deployed-variants/1')
def local = new File(localRepositoryPath, 'io/github/hotpatch/it/fanin-deployed-variants/1')
def variants = ['arm64-schannel', 'arm64-openssl']

// 1: deployed to the file:// repository
variants.each { c ->
    ['zip', 'dll', 'pdb', 'lib'].each { ext ->
        assert new File(remote, "fanin-deployed-variants-1-${c}.${ext}").isFile() : "not deployed: ${c}.${ext}"
    }
}
// ... and not installed: the deploying agent's local repository is not the gate's
assert log.contains('Skipping artifact installation')

// 2: the gate resolved both zips through the settings.xml mirror (not from the local repository) ...
variants.each { c ->
    // The prebuild removed every earlier copy from the IT local repository, so the resolver's record of where this
    // run's copy came from is the proof (Maven 3 also logs "Downloaded from fanin-mirror"; Maven 4 does not, here).
    def origin = new File(local, '_remote.repositories').text
    assert origin =~ /fanin-deployed-variants-1-${c}\.zip>fanin-mirror[-=]/ : origin  // Maven 4 adds a hash to the id
}
// ... into one report: an array with one entry per DLL in each zip, each naming its coordinates first
def gate = json.parse(new File(basedir, 'gate/fan-in/inspect.json'))
assert gate instanceof List && gate.size() == 2 : gate*.file
variants.eachWithIndex { c, i ->
    def entry = gate[i]
    assert entry.keySet().iterator().next() == 'artifact'
    assert entry.artifact == "${coords}:zip:${c}"
    assert entry.file.endsWith("fanin-deployed-variants-1-${c}.zip!/msquic.dll")
    assert entry.machine == 'ARM64'
    def status = entry.rules.collectEntries { [(it.id): it.status] }
    ['HP-BIN-001', 'HP-BIN-002', 'HP-BIN-003', 'HP-BIN-004', 'HP-BIN-005', 'HP-BIN-006', 'HP-BIN-008'].each {
        assert status[it] == 'PASS' : "${c} ${it} ${status[it]}"
    }
    // HP-BIN-009 (lld ARM64: the map file beside the PDB) depends on what the deployed zip holds.
    def zip = new File(remote, "fanin-deployed-variants-1-${c}.zip")
    boolean hasMap = new ZipFile(zip).withCloseable { z -> z.getEntry('msquic.map') != null }
    if (hasMap) {
        assert status['HP-BIN-009'] == 'DEVIATION'
        assert entry.verdict == 'HOTPATCH_READY'
    } else {
        assert status['HP-BIN-009'] == 'FAIL' : 'the zip holds no msquic.map, so the lld deviation has no evidence'
    }
    // the console names the full coordinates too (the table cuts long subject names; the summary lines do not)
    assert log =~ /${java.util.regex.Pattern.quote("${coords}:zip:${c}!/msquic.dll")}: \d+ passed, \d+ failed/
}
def sarif = json.parse(new File(basedir, 'gate/fan-in/hotpatch.sarif'))
def subjects = sarif.runs[0].results*.properties*.subject.unique()
assert subjects == variants.collect { "${coords}:zip:${it}!/msquic.dll".toString() }
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'gate/fan-in/TEST-hotpatch.xml'))
assert junit.testsuite*.@name*.toString() == variants.collect { "hotpatch.${coords}:zip:${it}!/msquic.dll".toString() }

// 3: the missing classifier fails before anything is inspected, naming it and the repositories asked
assert log.contains("cannot resolve 1 of 2 artifact(s), so nothing was inspected")
assert log.contains("${coords}:zip:x64-never-deployed: ")
assert log =~ /repositories asked: .*fanin-mirror \(file:\/\//
assert !new File(basedir, 'gate/missing').exists() : 'nothing is half-reported'

// 4: the pom form: a zip, and a dll with its pdb (the lib is resolved, not inspected), into one report
def module = json.parse(new File(basedir, 'gate-pom/target/hotpatch/fan-in.json'))
assert module*.artifact == ["${coords}:zip:arm64-schannel", "${coords}:dll:arm64-openssl"]*.toString()
def dllEntry = module[1]
assert dllEntry.pdb.path.endsWith('fanin-deployed-variants-1-arm64-openssl.pdb')
assert dllEntry.pdb.matches == true
assert log.contains("${coords}:lib:arm64-openssl: resolved; an import library carries no hotpatch evidence")

// Only the plugin's deliberate failure, never a crash of its own code.
def causes = log.readLines().findAll { it.startsWith('Caused by: ') }
assert causes.every { it.startsWith('Caused by: org.apache.maven.plugin.MojoExecutionException: ') } : causes
return true
