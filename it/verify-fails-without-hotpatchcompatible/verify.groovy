def log = new File(basedir, 'build.log').text
assert log.contains('[arm64_schannel] DEVIATION: hotpatchFlags overrides the LLD ARM64 profile')
assert log.contains('hotpatch:verify found 3 violation(s)')
['HP-PRJ-001', 'HP-BIN-002', 'HP-BIN-008'].each { assert log.contains("arm64_schannel ${it} ") : "$it not reported" }
assert log =~ /arm64_schannel HP-PRJ-001 .* lacks \/hotpatchcompatible/
assert log =~ /arm64_schannel HP-BIN-008 .* lacks \/hotpatchcompatible/

// The reports are written before the build fails, so CI can publish them.
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/hotpatch/arm64_schannel.json'))
assert report.verdict == 'NOT_READY'
assert report.rules.findAll { it.status == 'FAIL' }*.id.sort() == ['HP-BIN-002', 'HP-BIN-008', 'HP-PRJ-001']
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/hotpatch/TEST-hotpatch.xml'))
assert junit.testsuite.testcase.failure*.@type*.text().sort() == ['HP-BIN-002', 'HP-BIN-008', 'HP-PRJ-001']
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/hotpatch/hotpatch.sarif'))
assert sarif.runs[0].results.findAll { it.level == 'error' }*.ruleId.sort() == ['HP-BIN-002', 'HP-BIN-008', 'HP-PRJ-001']
return true
