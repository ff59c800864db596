def log = new File(basedir, 'build.log').text
assert log.contains("invalid variant name '../x'")
assert !log.contains('Exception:') || !log.contains('\tat io.github.hotpatch') : 'no stack trace'
assert !new File(basedir, 'target/x').exists()
assert !new File(basedir, 'target/windows').exists()
return true
