def Native = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Native.groovy'))
def log = new File(basedir, 'build.log').text
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
assert !log.contains('is not marked as @threadSafe')
['schannel', 'openssl'].each { tls ->
    def r = Native.readobj(new File(basedir, "target/windows/arm64_${tls}/src/bin/Release/msquic.dll"))
    assert r.machine == 'IMAGE_FILE_MACHINE_ARM64' && (r.ex & 0x80) == 0x80
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, "${tls}/target/hotpatch/arm64_${tls}.json"))
    assert report.verdict == 'HOTPATCH_READY'
}
return true
