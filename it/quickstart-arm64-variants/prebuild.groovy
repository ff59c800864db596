def Native = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Native.groovy'))
def hashes = Native.hashes(new File(quickstartDir))
assert hashes.containsKey('CMakeLists.txt')
new File(basedir, 'source-hashes.txt').text = hashes.collect { k, v -> "$k $v" }.join('\n')
return true
