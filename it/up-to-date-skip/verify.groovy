def log = new File(basedir, 'build.log').text
// Run 1 configures, run 2 skips (and ninja has nothing to do), run 3 is forced.
assert log.count('[arm64_schannel] configuring: no CMakeCache.txt yet') == 1
assert log.count('[arm64_schannel] configure skipped: up to date') == 1
assert log.count('[arm64_schannel] configuring: forced (hotpatch.force)') == 1
assert log.count('-- Configuring done') == 2
assert log.contains('[arm64_schannel] ninja: no work to do.')
def first = log.indexOf('configuring: no CMakeCache.txt yet')
def skip = log.indexOf('configure skipped: up to date')
def forced = log.indexOf('configuring: forced')
assert first < skip && skip < forced
assert new File(basedir, 'target/windows/arm64_schannel/hotpatch-configure.stamp').isFile()
return true
