def json = new groovy.json.JsonSlurper()
def log = new File(basedir, 'build.log').text

def single = json.parse(new File(basedir, 'single.json'))
assert single.machine == 'ARM64'
assert single.linker.name == 'Microsoft (R) LINK'
assert single.linker.version ==~ /14\.\d+\.\d+/
assert single.debugEntries == ['CODEVIEW', 'VC_FEATURE', 'POGO']
assert single.exDllCharacteristics == null
assert single.hotpatchCompatible == false
assert single.relocations == true
assert single.pdb == null
assert single.verdict == 'NOT_READY'
def byId = single.rules.collectEntries { [(it.id): it] }
assert byId['HP-BIN-002'].status == 'FAIL'
assert byId['HP-BIN-002'].message.contains('no EX_DLLCHARACTERISTICS (type 20) entry')
assert byId['HP-BIN-001'].status == 'PASS'
assert log =~ /rollup\.win32-arm64-msvc\.node\s+HP-BIN-002\s+FAIL/

assert new File(basedir, 'strict.json').isFile()
assert log.contains('NOT_READY: rollup.win32-arm64-msvc.node HP-BIN-002')

def zip = json.parse(new File(basedir, 'zip.json'))
// the rollup image, the damaged member (MZ, but no PE), then README.txt: skipped by its content, never a failure
assert zip instanceof List && zip.size() == 3
assert zip[0].file.endsWith('bin/windows/arm64_Release_schannel/rollup.node')
assert zip[0].machine == 'ARM64' && zip[0].verdict == 'NOT_READY'
assert zip[1].file.endsWith('artifact.zip!/bin/windows/arm64_Release_schannel/broken.dll')
assert zip[1].error.contains('broken.dll')
assert log.contains('1 file(s) could not be read')
assert zip[2].file.endsWith('artifact.zip!/README.txt')
assert zip[2].skipped.startsWith('no MZ signature at offset 0')
assert log.contains('2 PE file(s) inspected, 1 other file(s) skipped')

assert log =~ /pom\.xml: .*(DOS|MZ|e_magic)/
// Only the plugin's deliberate MojoExecutionException (unreadable input) and MojoFailureException (NOT_READY),
// never a crash of its own code.
// The mojos keep the cause (a PeFormatException naming the file), so causes of the plugin's own types may follow.
def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))
def causes = log.readLines().findAll { it.startsWith('Caused by: org.apache.maven.plugin.Mojo') }
assert causes.size() >= 3 : causes
def crashes = Faults.crashes(log.readLines())
assert crashes.isEmpty() : crashes
return true
