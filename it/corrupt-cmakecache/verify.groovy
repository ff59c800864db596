def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

def variant = new File(basedir, 'target/windows/arm64_x').toPath().toAbsolutePath().normalize()
def cache = variant.resolve('CMakeCache.txt').toFile()
def failure = Faults.failure(basedir)
if (failure.contains('is not a CMake cache')) {
    // With CMakeCacheCheck wired in before configure: the plugin's own message, cmake never runs, nothing is deleted.
    assert failure == "[arm64_x] CMakeCache.txt in ${variant} is not a CMake cache (line 3: \"CMAKE_HOME_DIR\"): delete" +
            " ${variant} (hotpatch:configure creates it again) and run again" : failure
    assert cache.text.contains('CMAKE_HOME_DIR\n\u0001\u0002 binary junk') : 'the cache is left as it was'
    assert !variant.resolve('CMakeFiles').toFile().exists() : 'cmake did not run'
} else {
    // Before CMakeCacheCheck is wired in: cmake's parse error, naming the file and the line, reaches the message.
    // TODO(main): drop this branch once VariantConfigurer calls CMakeCacheCheck.check.
    assert failure.startsWith('[arm64_x] cmake failed with exit code 1\n') : failure
    assert failure.contains("Parse error in cache file ${cache} on line 3. Offending entry: CMAKE_HOME_DIR") : failure
    // cmake rewrote the cache on that failed run, so configuring again recovers.
    assert cache.text.contains('CMAKE_HOME_DIRECTORY:INTERNAL=')
}
Faults.assertUnchanged(basedir, ['target/windows/arm64_x/'])
return true
