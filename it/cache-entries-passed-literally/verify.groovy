def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

def weird = 'a "quoted" value; with $(touch pwned) and spaces'
def typed = '`touch pwned-backtick` && touch pwned-and | tee pwned-pipe > pwned-redirect'
def variantWeird = 'it\'s a \'single\' quote; $HOME \\n * ?'
def variant = new File(basedir, 'target/windows/arm64_x')
def cache = new File(variant, 'CMakeCache.txt').readLines()
assert cache.contains('WEIRD:UNINITIALIZED=' + weird) : cache.findAll { it.contains('WEIRD') }
assert cache.contains('TYPED:STRING=' + typed) : cache.findAll { it.contains('TYPED') }
assert cache.contains('VARIANT_WEIRD:UNINITIALIZED=' + variantWeird) : cache.findAll { it.contains('VARIANT_WEIRD') }

// cmake saw each value as one argument and printed it back unchanged.
def log = new File(basedir, 'build.log').text
assert log.contains("[arm64_x] -- WEIRD=[${weird}]")
assert log.contains("[arm64_x] -- TYPED=[${typed}]")
assert log.contains("[arm64_x] -- VARIANT_WEIRD=[${variantWeird}]")
// The logged command quotes it for reading; the process got the argument array.
assert log.contains('"-DWEIRD=a \\"quoted\\" value; with $(touch pwned) and spaces"')

// Nothing ran: no pwned* file anywhere in the IT, in the variant directory cmake ran in, or in /tmp.
def pwned = []
basedir.eachFileRecurse { if (it.name.startsWith('pwned')) pwned << it }
['/tmp', System.getProperty('user.home')].each { dir ->
    new File(dir).listFiles()?.each { if (it.name.startsWith('pwned')) pwned << it }
}
assert pwned.isEmpty() : pwned

Faults.assertUnchanged(basedir, ['target/windows/arm64_x/'])
return true
