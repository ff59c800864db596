def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

def absolute = basedir.toPath().toAbsolutePath().normalize().resolve('absolute/escaped').toString()
def failures = Faults.failures(basedir)
def expected = ['a/b', '..', 'a\\b', absolute].collect { name ->
    "invalid variant name '${name}': use letters, digits, '_', '-', '.' or '+' (1-64 characters, starting with a letter" +
            " or digit, no '..'), because it becomes a directory under the build directory".toString()
}
assert failures == expected
Faults.assertNoCrash(basedir)
// No directory was made for any of them (not <module>/target/windows/a, not <module>/target/escaped, not
// absolute/escaped), and nothing was deleted.
Faults.assertUnchanged(basedir, [])
return true
