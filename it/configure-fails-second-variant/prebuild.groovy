def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

new File(basedir, 'target/windows').mkdirs()
new File(basedir, 'target/windows/KEEP.txt').text = 'the plugin must not delete this\n'
Faults.save(basedir)
return true
