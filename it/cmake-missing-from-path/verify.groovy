def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

assert Faults.failure(basedir) == 'hotpatch:configure cannot run: not found on PATH: cmake. To cross-build Windows binaries' +
        ' here, install them, e.g. on Debian/Ubuntu: apt-get install cmake ninja-build clang-22 lld-22 llvm-22.'
// Nothing was written: not even the variant directory.
Faults.assertUnchanged(basedir, [])
return true
