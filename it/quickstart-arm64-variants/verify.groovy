def Native = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Native.groovy'))
def log = new File(basedir, 'build.log').text
def windows = new File(basedir, 'target/windows')

['schannel', 'openssl'].each { tls ->
    def dir = new File(windows, "arm64_${tls}")
    assert new File(dir, 'CMakeCache.txt').text.contains("QUIC_TLS_LIB:STRING=${tls}")

    def release = Native.readobj(new File(dir, 'src/bin/Release/msquic.dll'))
    assert release.machine == 'IMAGE_FILE_MACHINE_ARM64'
    assert release.ex != null && (release.ex & 0x80) == 0x80 : "Release ${tls}: no hotpatch bit"
    assert new File(dir, 'src/bin/Release/msquic.pdb').isFile()
    assert new File(dir, 'src/bin/Release/msquic.map').isFile() : 'lld deviation: map file beside the PDB'

    def debug = Native.readobj(new File(dir, 'src/bin/Debug/msquic.dll'))
    assert debug.machine == 'IMAGE_FILE_MACHINE_ARM64'
    assert debug.ex == null || (debug.ex & 0x80) == 0 : "Debug ${tls} carries the hotpatch bit"

    def flags = Native.releaseLinkFlags(dir).split(/\s+/) as List
    ['/hotpatchcompatible', '/profile', '/functionpadmin:8', '/map'].each { assert flags.count(it) == 1 : "$it in $flags" }
    assert flags.count { it.equalsIgnoreCase('/incremental:no') } == 1 : flags
    // The native project's own Release flags survive, after ours.
    assert flags.containsAll(['/LTCG', '/IGNORE:4075', '/DEBUG', '/OPT:REF', '/OPT:ICF'])
    def debugFlags = Native.debugLinkFlags(dir).toLowerCase()
    ['/hotpatchcompatible', '/profile', '/functionpadmin', '/map'].each { assert !debugFlags.contains(it) : debugFlags }

    assert new File(dir, '.cmake/api/v1/query/codemodel-v2').isFile()
    assert new File(dir, '.cmake/api/v1/reply').isDirectory()
    assert log.contains("[arm64_${tls}] DEVIATION: lld-link has no /pdbinject:mapfile")
    assert log.contains("[arm64_${tls}] [4/4] Linking C shared library src/bin/Release/msquic.dll")
}

// hotpatch:verify ran in the verify phase, after the Debug build, and wrote all four reports.
def reports = new File(basedir, 'target/hotpatch')
def json = new groovy.json.JsonSlurper()
['arm64_schannel', 'arm64_openssl'].each { v ->
    def r = json.parse(new File(reports, "${v}.json"))
    assert r.verdict == 'HOTPATCH_READY'
    def status = r.rules.collectEntries { [(it.id): it.status] }
    ['HP-PRJ-001', 'HP-PRJ-003', 'HP-BIN-000', 'HP-BIN-001', 'HP-BIN-002', 'HP-BIN-003', 'HP-BIN-004', 'HP-BIN-005',
     'HP-BIN-006', 'HP-BIN-008', 'HP-BIN-010'].each { assert status[it] == 'PASS' : "$v $it ${status[it]}" }
    assert status['HP-BIN-009'] == 'DEVIATION' : 'the lld map file is a substitute, never a PASS of /pdbinject'
    assert status['HP-PRJ-004'] == 'DEVIATION' : '/OPT:ICF alongside /PROFILE is warned about'
    assert status['HP-BIN-007'] == 'NOT_APPLICABLE'
    assert log =~ /${v}\s+HP-BIN-002\s+PASS/
}
def sarif = json.parse(new File(reports, 'hotpatch.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].tool.driver.rules*.id.containsAll(['HP-PRJ-001', 'HP-BIN-002', 'HP-BIN-008', 'HP-BIN-009'])
def junit = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-hotpatch.xml'))
assert junit.testsuite.size() == 2
assert junit.testsuite.testcase.size() == 2 * 15
assert junit.testsuite.testcase.failure.size() == 0
assert log.contains('arm64_schannel: 11 passed, 0 failed, 2 not applicable, 2 deviations')
assert log.contains('hotpatch:verify: every variant is hotpatch-ready (2 checked)')

// The native project was not edited.
def before = new File(basedir, 'source-hashes.txt').text
def after = Native.hashes(new File(quickstartDir)).collect { k, v -> "$k $v" }.join('\n')
assert before == after
return true
