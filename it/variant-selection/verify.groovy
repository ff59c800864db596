assert new File(basedir, 'target/windows/arm64_openssl/src/bin/Release/msquic.dll').isFile()
assert !new File(basedir, 'target/windows/arm64_schannel').exists()
return true
