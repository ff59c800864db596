def log = new File(basedir, 'build.log').text
assert log.contains("invalid variant name '../x'")
// Only the plugin's deliberate MojoExecutionException, never a crash of its own code.
new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy')).assertNoCrash(basedir)
assert !new File(basedir, 'target/x').exists()
assert !new File(basedir, 'target/windows').exists()
return true
