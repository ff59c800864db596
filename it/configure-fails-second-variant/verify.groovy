def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

def windows = new File(basedir, 'target/windows')
def failure = Faults.failure(basedir)
// The headline names the cmake that ran: its resolved path, as found on PATH.
assert failure =~ /^\[arm64_bad\] \S*cmake failed with exit code 1\n/ : failure
assert failure =~ /command: \S*cmake -S \S+\/native -B \S+\/target\/windows\/arm64_bad -G "Ninja Multi-Config" .* -DMODE=bad/
assert failure.contains('configure fails on purpose: MODE=bad')
assert failure.contains('-- Configuring incomplete, errors occurred!')

// The first variant was configured and stays so.
def good = new File(windows, 'arm64_good')
assert new File(good, 'CMakeCache.txt').text.contains('MODE:UNINITIALIZED=good')
assert new File(good, 'build.ninja').isFile()
assert new File(good, 'hotpatch-variant.properties').isFile()
// The failed one is left for inspection, without the state file that marks a finished configure.
assert new File(windows, 'arm64_bad/CMakeFiles/CMakeOutput.log').isFile()
assert !new File(windows, 'arm64_bad/hotpatch-variant.properties').exists()
assert !new File(windows, 'arm64_bad/build.ninja').exists()

Faults.assertUnchanged(basedir, ['target/windows/arm64_good/', 'target/windows/arm64_bad/'])
return true
