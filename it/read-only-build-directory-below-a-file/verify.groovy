def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

def blocker = new File(basedir, 'target/blocker').toPath().toAbsolutePath().normalize()
assert Faults.failure(basedir) == "[arm64_x] cannot prepare build directory ${blocker}/windows/arm64_x:" +
        " ${blocker}/windows: Not a directory"
// The file is untouched and nothing else appeared.
Faults.assertUnchanged(basedir, [])
return true
