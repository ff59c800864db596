// Helpers the verify scripts share: run LLVM's reference readers on real build outputs.
class Native {
    static String run(List<String> cmd) {
        def p = cmd.execute()
        def out = new StringBuilder(), err = new StringBuilder()
        p.waitForProcessOutput(out, err)
        assert p.exitValue() == 0 : "${cmd.join(' ')} failed: ${err}"
        return out.toString()
    }

    /** llvm-readobj's view of a DLL: machine and the extended DLL characteristics (0x80 = hotpatch compatible). */
    static Map readobj(File dll) {
        assert dll.isFile() : "missing ${dll}"
        String text = run(['llvm-readobj-22', '--file-headers', '--coff-debug-directory', dll.path])
        def machine = (text =~ /Machine: (\S+)/)[0][1]
        def ext = text =~ /ExtendedCharacteristics \[ \((0x[0-9A-Fa-f]+)\)/
        return [machine: machine, ex: ext.find() ? Integer.decode(ext.group(1)) : null]
    }

    static String releaseLinkFlags(File variantDir) {
        def line = new File(variantDir, 'CMakeFiles/impl-Release.ninja').readLines().find { it.trim().startsWith('LINK_FLAGS =') && it.contains('/machine:') }
        assert line != null : "no LINK_FLAGS in ${variantDir}/CMakeFiles/impl-Release.ninja"
        return line.trim().substring('LINK_FLAGS ='.length()).trim()
    }

    static String debugLinkFlags(File variantDir) {
        def line = new File(variantDir, 'CMakeFiles/impl-Debug.ninja').readLines().find { it.trim().startsWith('LINK_FLAGS =') && it.contains('/machine:') }
        assert line != null
        return line.trim().substring('LINK_FLAGS ='.length()).trim()
    }

    /** SHA-256 of every file under dir (relative path -> hash), to prove the native project is never edited. */
    static Map<String, String> hashes(File dir) {
        def result = new TreeMap<String, String>()
        dir.eachFileRecurse(groovy.io.FileType.FILES) { f ->
            def rel = dir.toPath().relativize(f.toPath()).toString()
            if (!rel.startsWith('build/') && !rel.startsWith('target/')) {
                result[rel] = java.security.MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString()
            }
        }
        return result
    }
}
