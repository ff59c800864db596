def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

def root = basedir.toPath().toAbsolutePath().normalize()
def windows = root.resolve('inside-variant/target/windows')
def src = windows.resolve('arm64_x/src')
def same = root.resolve('same-directory/target/windows/arm64_x/src')
assert Faults.failures(basedir) == [
        "sourceDirectory ${src} lies inside buildDirectory ${windows}: the build directory must not contain the sources".toString(),
        "buildDirectory must not be the sourceDirectory ${same}".toString()]
Faults.assertNoCrash(basedir)
// Neither module wrote anything: the sources and the directories around them are as they were.
Faults.assertUnchanged(basedir, [])
return true
