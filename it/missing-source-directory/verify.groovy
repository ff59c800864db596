def log = new File(basedir, 'build.log').text
assert log =~ /sourceDirectory \S+no-such-msquic does not exist or is not a directory/
assert !new File(basedir, 'target/windows').exists()
return true
