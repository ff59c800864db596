def log = new File(basedir, 'build.log').text
assert log =~ /\[arm64_schannel\] \S*cmake failed with exit code 1/
assert log =~ /command: \S*cmake -S \S+native -B \S+arm64_schannel -G "Ninja Multi-Config"/
assert log.contains('last ') && log.contains('this project cannot be configured: QUIC_TLS_LIB=schannel')
// The first failure stops the goal: the second variant was never configured.
assert !new File(basedir, 'target/windows/arm64_openssl/CMakeCache.txt').exists()
return true
