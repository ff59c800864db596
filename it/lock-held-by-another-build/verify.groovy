def channel = System.properties.remove('hotpatch.it.lockChannel')
channel?.close()
def log = new File(basedir, 'build.log').text
assert log.contains('[arm64_schannel] waiting for another build (pid 999999 (it holder))')
assert log.contains('is in use by pid 999999 (it holder); waited 2 s')
assert !new File(basedir, 'target/windows/arm64_schannel/CMakeCache.txt').exists() : 'cmake never ran in the locked tree'
return true
