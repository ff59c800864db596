def json = new groovy.json.JsonSlurper()
def log = new File(basedir, 'build.log').text
def env = ["SCCACHE_DIR=${new File(basedir, 'target/sccache')}", 'SCCACHE_SERVER_PORT=47219', "PATH=${System.getenv('PATH')}"]
def sccache = { List<String> args ->
    def p = (['sccache'] + args).execute(env, basedir)
    def out = new StringBuilder(); p.waitForProcessOutput(out, new StringBuilder())
    return out.toString()
}
try {
    // 1: ccache with the cross clang-cl: both of its limits are reported at configure
    assert log.contains('[arm64_schannel] compiler cache: 9 compile group(s) still compile with /Zi, which ccache cannot cache')
    assert log.contains('compiler cache: ccache in MSVC mode takes an absolute POSIX path')

    // 2, 3: sccache through CMake's launcher, and the embedded debug format, in both fresh build directories
    ['build1', 'build2'].each { b ->
        ['arm64_schannel', 'arm64_openssl'].each { v ->
            def cache = new File(basedir, "target/${b}/${v}/CMakeCache.txt").text
            assert cache =~ /CMAKE_C_COMPILER_LAUNCHER:STRING=\/\S*sccache\n/
            assert cache.contains('CMAKE_MSVC_DEBUG_INFORMATION_FORMAT:STRING=Embedded')
            // the Release compiles carry /Z7 (CMake writes -Z7) and the quickstart's own /Zi, read from the generated build
            def flags = new File(basedir, "target/${b}/${v}/CMakeFiles/impl-Release.ninja").readLines().findAll { it.trim().startsWith('FLAGS =') }
            assert !flags.isEmpty() && flags.every { it.contains('-Z7') && it.contains('/Zi') } : flags
        }
    }
    assert log =~ /\[arm64_schannel\] compiler cache: \d+ compile group\(s\) compile with \/Zi .*: sccache caches those with clang-cl/

    // sccache's own statistics, as the build logged them, for the cold and the warm build
    def stats = (log =~ /compiler cache (\S+) \(cache_dir ([^)]*)\), this build of 2 variant\(s\): (\d+) hits, (\d+) misses(?: \(\d+ % hits\))?, (\d+) not cacheable/)
            .collect { [exe: it[1], dir: it[2], hits: it[3] as int, misses: it[4] as int, uncached: it[5] as int] }
    assert stats.size() == 2 : stats
    assert stats.every { it.exe.endsWith('sccache') && it.dir.contains(new File(basedir, 'target/sccache').absolutePath) } : stats
    def (cold, warm) = stats
    // 3 compiles per variant in each build, each one counted once
    assert stats.every { it.hits + it.misses + it.uncached == 6 } : stats
    // ... and they agree with the server's own totals
    def total = sccache(['--show-stats'])
    assert total =~ /(?m)^Cache hits\s+${cold.hits + warm.hits}$/ : total
    assert total =~ /(?m)^Cache misses\s+${cold.misses + warm.misses}$/ : total
    assert total =~ /(?m)^Non-cacheable calls\s+${cold.uncached + warm.uncached}$/ : total
    def source = new File(quickstartDir).canonicalPath
    if (cold.uncached > 0) {
        // sccache 0.4 could not parse these compiles (measured: a source path under /work reads as MSVC's /w):
        // the build says so, and the warm build is no faster than the cold one
        assert log.contains('compiler cache: compiles the launcher could not parse were run uncached') : source
        assert cold.hits == 0 && warm.uncached == 6 && warm.hits == 0
    } else {
        // a source path sccache parses: the cold build started from an empty cache, so at least one variant's three
        // compiles were misses (the other variant's identical compiles may already hit in the same cold build, as
        // measured in a clone under /tmp: 5 misses, 1 hit), and the warm build hits
        assert cold.misses >= 3 : cold
        assert warm.hits >= 0.9 * (warm.hits + warm.misses + warm.uncached) : "warm build: ${warm}"
    }

    // the warm build's DLLs still verify, PDB rules included (the linker writes the PDB from the embedded debug info)
    ['arm64_schannel', 'arm64_openssl'].each { v ->
        def r = json.parse(new File(basedir, "target/hotpatch/${v}.json"))
        assert groovy.json.JsonOutput.toJson(r).contains('target/build2/') : 'the reports are the warm build\'s'
        def status = r.rules.collectEntries { [(it.id): it.status] }
        ['HP-BIN-001', 'HP-BIN-002', 'HP-BIN-003', 'HP-BIN-004', 'HP-BIN-005', 'HP-BIN-006', 'HP-BIN-008'].each {
            assert status[it] == 'PASS' : "${v} ${it} ${status[it]}"
        }
        assert status['HP-BIN-007'] == 'NOT_APPLICABLE'
        assert r.verdict == 'HOTPATCH_READY'
    }
} finally {
    sccache(['--stop-server'])
}
return true
