import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
def installed = new File(localRepositoryPath, 'io/github/hotpatch/it/attach-install/1')
assert new File(installed, 'attach-install-1.pom').isFile()

['schannel', 'openssl'].each { tls ->
    def classifier = "arm64-${tls}"
    def release = new File(basedir, "target/windows/arm64_${tls}/src/bin/Release")
    // type -> the build output it must be a copy of
    def outputs = [dll: 'msquic.dll', pdb: 'msquic.pdb', lib: 'msquic.lib']
    outputs.each { type, name ->
        def copy = new File(installed, "attach-install-1-${classifier}.${type}")
        assert copy.isFile() : "not installed: ${copy}"
        assert copy.bytes == new File(release, name).bytes : "${copy} differs from ${release}/${name}"
    }

    def zip = new File(installed, "attach-install-1-${classifier}.zip")
    assert zip.isFile() : "not installed: ${zip}"
    assert zip.bytes == new File(basedir, "target/hotpatch/msquic-${classifier}.zip").bytes
    new ZipFile(zip).withCloseable { z ->
        def entries = z.entries().toList()
        // The map file too: it is HP-BIN-009's evidence for the lld ARM64 profile, so inspect of the zip agrees with verify.
        assert entries*.name == ['msquic.dll', 'msquic.pdb', 'msquic.lib', 'msquic.map']
        entries.each { e -> assert z.getInputStream(e).bytes == new File(release, e.name).bytes : e.name }
    }
    assert log.contains("attached ${classifier} dll: ${new File(release, 'msquic.dll').toPath().toAbsolutePath().normalize()}")
}

// attach runs in package, before verify, which still passes.
assert log.indexOf('attached arm64-schannel dll') < log.indexOf('hotpatch:verify: every variant is hotpatch-ready')
return true
