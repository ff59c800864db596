def Native = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Native.groovy'))
def dir = new File(basedir, 'target/windows/arm64_schannel')
def log = new File(basedir, 'build.log').text
assert log.contains('[arm64_schannel] hotpatch is off: configuring without hotpatch flags')
def flags = Native.releaseLinkFlags(dir)
['/hotpatchcompatible', '/profile', '/functionpadmin', '/map '].each { assert !flags.contains(it) : "$it still in $flags" }
assert flags.contains('/LTCG /IGNORE:4075 /DEBUG /OPT:REF /OPT:ICF') : 'the project\'s own flags stay'
def ex = Native.readobj(new File(dir, 'src/bin/Release/msquic.dll')).ex
assert ex == null || (ex & 0x80) == 0 : 'relinked without /hotpatchcompatible'
assert new File(dir, 'hotpatch-variant.properties').text.contains('hotpatch=false')
return true
