def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

new File(basedir, 'target').mkdirs()
new File(basedir, 'target/blocker').text = 'a regular file where the build directory\'s parent should be\n'
Faults.save(basedir)
return true
