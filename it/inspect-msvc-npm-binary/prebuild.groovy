// Fetch the real MSVC-linked ARM64 binary from the npm registry (pinned), and pack it with a damaged DLL into a zip.
def run = { List<String> cmd ->
    def p = cmd.execute(null, basedir)
    def out = new StringBuilder(), err = new StringBuilder()
    p.waitForProcessOutput(out, err)
    assert p.exitValue() == 0 : "${cmd.join(' ')}: ${err}"
    return out.toString().trim()
}
def tgz = run(['npm', 'pack', '--silent', '@rollup/rollup-win32-arm64-msvc@4.53.3']).readLines().last()
run(['tar', '-xzf', tgz])
def node = new File(basedir, 'package/rollup.win32-arm64-msvc.node')
assert node.isFile()
new java.util.zip.ZipOutputStream(new FileOutputStream(new File(basedir, 'artifact.zip'))).withCloseable { zip ->
    zip.putNextEntry(new java.util.zip.ZipEntry('bin/windows/arm64_Release_schannel/rollup.node'))
    zip.write(node.bytes)
    zip.closeEntry()
    zip.putNextEntry(new java.util.zip.ZipEntry('bin/windows/arm64_Release_schannel/broken.dll'))
    zip.write('MZ this is not a PE file'.bytes)
    zip.closeEntry()
    zip.putNextEntry(new java.util.zip.ZipEntry('README.txt'))
    zip.write('not a binary'.bytes)
    zip.closeEntry()
}
return true
