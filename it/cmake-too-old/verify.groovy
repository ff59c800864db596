def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

def cmake = new File(basedir, 'target/old-cmake/cmake').toPath().toAbsolutePath().normalize()
def failure = Faults.failure(basedir)
assert failure.startsWith("cmake 3.10.2 at ${cmake} is too old: hotpatch-maven-plugin needs CMake 3.20 or newer" +
        ' (msquic requires it).') : failure
assert failure.contains('-Dhotpatch.cmakeExecutable') : 'says how to point at another cmake'
// It was asked for its version, once, and nothing else.
assert new File(basedir, 'target/records/cmake.calls').readLines() == ['--version']
Faults.assertUnchanged(basedir, ['target/records/'])
return true
