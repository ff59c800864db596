def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

def variant = new File(basedir, 'target/windows/arm64_x').toPath().toAbsolutePath().normalize()
def cache = variant.resolve('CMakeCache.txt').toFile()
def failure = Faults.failure(basedir)
// CMakeCacheCheck runs before configure: the plugin's own message, cmake never runs, nothing is deleted.
assert failure == "[arm64_x] CMakeCache.txt in ${variant} is not a CMake cache (line 3: \"CMAKE_HOME_DIR\"): delete" +
        " ${variant} (hotpatch:configure creates it again) and run again" : failure
assert cache.text.contains('CMAKE_HOME_DIR\n\u0001\u0002 binary junk') : 'the cache is left as it was'
assert !variant.resolve('CMakeFiles').toFile().exists() : 'cmake did not run'
Faults.assertUnchanged(basedir, ['target/windows/arm64_x/'])
return true
