def Native = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Native.groovy'))
def dir = new File(basedir, 'target/windows/arm64_schannel')
def flags = Native.releaseLinkFlags(dir).split(/\s+/) as List
['/hotpatchcompatible', '/profile', '/functionpadmin:8', '/map', '/LTCG', '/OPT:ICF'].each {
    assert flags.count(it) == 1 : "$it appears ${flags.count(it)} times in $flags"
}
// The cache keeps CMake's default: the flags live in the generated include, not in CMakeCache.txt.
def cached = new File(dir, 'CMakeCache.txt').readLines().find { it.startsWith('CMAKE_SHARED_LINKER_FLAGS_RELEASE:') }
assert cached == 'CMAKE_SHARED_LINKER_FLAGS_RELEASE:STRING=/INCREMENTAL:NO'
def log = new File(basedir, 'build.log').text
assert log.count('hotpatch: CMAKE_SHARED_LINKER_FLAGS_RELEASE +=') == 2 : 'both runs configured'
assert (Native.readobj(new File(dir, 'src/bin/Release/msquic.dll')).ex & 0x80) == 0x80
return true
