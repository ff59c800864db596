def json = new groovy.json.JsonSlurper()
def log = new File(basedir, 'build.log').text

// 1: the example project, per configuration
def report = json.parse(new File(basedir, 'target/hotpatch/hotdriver.json'))
assert report.kind == 'vcxproj'
assert report.file.endsWith('driver/hotdriver.vcxproj')
assert report.verdict == 'PROJECT_RULES_PASSED'
assert report.configurations*.name == ['Debug|x64', 'Release|x64', 'Debug|ARM64', 'Release|ARM64']
def byName = report.configurations.collectEntries { [(it.name): it] }
def arm64 = byName['Release|ARM64'].linkOptions
assert arm64[0..3] == ['/LTCG', '/kernel', '/NOOPTIDATA', '/MERGE:_TEXT=.text']
assert arm64[-4..-1] == ['/hotpatchcompatible', '/profile', '/incremental:no', '/PDBINJECT:MAPFILE']
assert byName['Release|x64'].linkOptions[-4..-1] == ['/hotpatchcompatible', '/profile', '/incremental:no', '/FUNCTIONPADMIN:6']
assert !byName['Debug|ARM64'].linkOptions.contains('/hotpatchcompatible')
assert !byName['Debug|x64'].linkOptions.contains('/hotpatchcompatible')
assert byName['Release|ARM64'].notEvaluated.any { it.construct.contains('$(VCTargetsPath)') && !it.affectsLink }
def rules = report.rules.collect { "${it.id} ${it.status} ${it.message.split(":")[0]}".toString() }
assert rules.contains('HP-PRJ-002 PASS Release|ARM64')
assert rules.contains('HP-PRJ-002 PASS Release|x64')
assert rules.contains('HP-PRJ-004 DEVIATION Release|x64')  // PGO beside the hotpatch flags
assert rules.contains('HP-PRJ-003 PASS Debug|ARM64')

// 2: the copy without the ARM64 flags
def priv = json.parse(new File(basedir, 'priv.json'))
assert priv.verdict == 'NOT_READY'
assert log.contains('NOT_READY: hotdriverpriv.vcxproj [Release|ARM64] HP-PRJ-002')

// 3: the build: MSBuild got Release|ARM64 and the plugin's .targets, the project was not written, verify proved it
def args = new File(basedir, 'tools/MSBuild.args').readLines()
def targets = new File(basedir, 'target/hotpatch/msbuild/hotdriverpriv.vcxproj.Release-ARM64.hotpatch.targets')
def privProject = new File(basedir, 'priv/hotdriverpriv.vcxproj')
assert args == [privProject.canonicalPath, '/p:Configuration=Release',
                '/p:Platform=ARM64', "/p:ForceImportAfterCppTargets=${targets.canonicalPath}".toString(), '/m', '/nologo']
assert targets.text.contains("Condition=\"'\$(Configuration)|\$(Platform)'=='Release|ARM64'\"")
assert targets.text.contains('%(AdditionalOptions) /hotpatchcompatible /profile /incremental:no /pdbinject:mapfile')
assert new File(kernelDriverDir, 'driver/hotdriver.vcxproj').text.md5() == new File(basedir, 'project-before.txt').text
assert privProject.text.md5() == new File(basedir, 'priv-before.txt').text
def verified = json.parse(new File(basedir, 'target/hotpatch/hotdriverpriv.vcxproj.json'))
assert verified.configurations.find { it.name == 'Release|ARM64' }.linkOptions[-4..-1] ==
        ['/hotpatchcompatible', '/profile', '/incremental:no', '/pdbinject:mapfile']
assert verified.built == 'Release|ARM64'
assert verified.verdict == 'PROJECT_RULES_PASSED'
assert log.contains('hotpatch:verify: PROJECT_RULES_PASSED for ')

def causes = log.readLines().findAll { it.startsWith('Caused by: ') }
assert causes.every { it.startsWith('Caused by: org.apache.maven.plugin.MojoFailureException: ') } : causes
return true
