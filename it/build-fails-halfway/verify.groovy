def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

def windows = new File(basedir, 'target/windows')
def broken = new File(windows, 'arm64_broken')
def failure = Faults.failure(basedir)
// The headline names the cmake that ran: its resolved path, as found on PATH.
assert failure =~ /^\[arm64_broken\] \S*cmake failed with exit code 1\n/ : failure
// The cmake that ran is its resolved path; variants built at once each get --parallel <their share of the cores>.
def buildDir = java.util.regex.Pattern.quote(broken.toPath().toAbsolutePath().normalize().toString())
assert failure =~ /command: \S*cmake --build ${buildDir} --config Release --target impl( --parallel \d+)?\n/ : failure
// clang-cl's own diagnostic, file and line included.
assert failure =~ /second\.c\(2,\d+\): error: use of undeclared identifier 'undeclared_in_second_c'/ : failure
assert failure.contains('ninja: build stopped: subcommand failed.')

// The first variant built, and its DLL is still there after the second one failed.
def okDll = new File(windows, 'arm64_ok/Release/impl.dll')
assert okDll.isFile() && okDll.length() > 0
assert new File(windows, 'arm64_ok/Release/impl.lib').isFile()
// Halfway: first.c compiled in the broken variant, the link never ran, and nothing was cleaned away.
assert new File(broken, 'CMakeFiles/impl.dir/Release/first.c.obj').isFile()
assert !new File(broken, 'CMakeFiles/impl.dir/Release/second.c.obj').exists()
assert !new File(broken, 'Release/impl.dll').exists()
assert new File(broken, 'CMakeCache.txt').text.contains('BREAK_SECOND:BOOL=ON')

Faults.assertUnchanged(basedir, ['target/windows/arm64_ok/', 'target/windows/arm64_broken/'])
return true
