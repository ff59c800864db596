// Checks shared by the Windows IT set (windows-vs-arm64-*): the real Visual Studio generator's output and the real
// link.exe's binaries, judged by the plugin's JSON report. Runs only on Windows agents (invoker.os.family=windows).
class WindowsVs {
    static void verify(File basedir, String builder) {
        def log = new File(basedir, 'build.log').text
        def dir = new File(basedir, 'target/windows/arm64_schannel')
        def cache = new File(dir, 'CMakeCache.txt').text
        assert cache =~ /CMAKE_GENERATOR:INTERNAL=Visual Studio (17 2022|18 2026)/
        assert cache.contains('CMAKE_GENERATOR_PLATFORM:INTERNAL=ARM64')
        // The instance the plugin chose with vswhere and passed at configure.
        def instance = (cache =~ /CMAKE_GENERATOR_INSTANCE:INTERNAL=(.+)/)
        assert instance.find() : 'CMAKE_GENERATOR_INSTANCE in the cache'
        assert log =~ /-A ARM64/
        assert log.contains('-DCMAKE_GENERATOR_INSTANCE=')

        // The generated project of the target, read by HP-PRJ-002.
        def vcxproj = new File(dir, 'src/bin/msquic.vcxproj')
        assert vcxproj.isFile() : "generated $vcxproj"
        assert vcxproj.text.contains("'\$(Configuration)|\$(Platform)'=='Release|ARM64'")

        if (builder == 'msbuild') {
            // MSBuild from the configured instance, with its VisualStudioVersion and without node reuse.
            def root = instance.group(1).trim().replace('/', '\\')
            assert log.contains(root + '\\MSBuild\\Current\\Bin\\') : "MSBuild from $root"
            assert log =~ /\/p:VisualStudioVersion=1[78]\.0 \/m \/nr:false \/nologo/
        } else {
            assert log =~ /--build \S+arm64_schannel --config Release --target msquic/
        }

        def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/hotpatch/arm64_schannel.json'))
        def rules = report.rules.collectEntries { [(it.id): it] }
        assert rules['HP-PRJ-002'].status == 'PASS' : rules['HP-PRJ-002']
        assert rules['HP-BIN-002'].status == 'PASS' : rules['HP-BIN-002']
        assert rules['HP-BIN-007'].status == 'PASS' : "FIXUP debug data from /PROFILE: ${rules['HP-BIN-007']}"
        assert rules['HP-BIN-008'].status == 'PASS' : rules['HP-BIN-008']
        assert rules['HP-BIN-008'].message.toLowerCase().contains('/pdbinject:mapfile') : rules['HP-BIN-008'].message
        assert rules['HP-BIN-009'].status == 'NOT_APPLICABLE' : 'link.exe injects the map: no lld substitute'
        assert rules['HP-BIN-010'].status == 'PASS' : rules['HP-BIN-010']
        assert report.verdict == 'HOTPATCH_READY' : report.verdict
        assert !new File(dir, 'src/bin/Release/msquic.ilk').exists()
    }
}
