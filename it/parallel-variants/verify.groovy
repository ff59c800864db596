def Native = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Native.groovy'))
def lines = new File(basedir, 'build.log').readLines()
['schannel', 'openssl'].each { tls ->
    def r = Native.readobj(new File(basedir, "target/windows/arm64_${tls}/src/bin/Release/msquic.dll"))
    assert r.machine == 'IMAGE_FILE_MACHINE_ARM64' && (r.ex & 0x80) == 0x80
}
// Lines stay whole: each tool line carries exactly one variant prefix, at the start.
def toolLines = lines.findAll { it.contains('[arm64_') }
assert toolLines.size() > 20
toolLines.each { line ->
    assert line ==~ /\[(INFO|WARNING)\] \[arm64_(schannel|openssl)\] .*/ : "interleaved: $line"
    assert line.count('[arm64_') == 1 : "interleaved: $line"
}
// Both variants really overlapped: each variant's cmake was started (its command line is logged as it starts)
// before either one's configure ended. (Their first output lines are no proof: on a loaded machine one cmake's
// output can all arrive after the other's, although both ran at once.)
def lastIdx = { String s -> lines.findLastIndexOf { it.contains(s) } }
def started = { String v -> lines.findIndexOf { it =~ /\[${v}\] \S*cmake(\.exe)? -S / } }
def schannelStart = started('arm64_schannel')
def openSslStart = started('arm64_openssl')
def schannelDone = lastIdx('[arm64_schannel] -- Build files have been written')
def openSslDone = lastIdx('[arm64_openssl] -- Build files have been written')
assert schannelStart >= 0 && openSslStart >= 0
assert Math.max(schannelStart, openSslStart) < Math.min(schannelDone, openSslDone) : 'configures ran one after the other'
return true
