def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

// A cache cut off mid-write after a crash: a good entry, then half a line, then garbage.
def variant = new File(basedir, 'target/windows/arm64_x')
variant.mkdirs()
new File(variant, 'CMakeCache.txt').text = '# This is the CMakeCache file.\nCMAKE_BUILD_TYPE:STRING=Release\nCMAKE_HOME_DIR\n\u0001\u0002 binary junk\n'
new File(basedir, 'target/windows/KEEP.txt').text = 'the plugin must not delete this\n'
Faults.save(basedir)
return true
