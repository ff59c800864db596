def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

['slash', 'dot-dot', 'backslash', 'absolute'].each { m ->
    new File(basedir, "${m}/target/windows").mkdirs()
    new File(basedir, "${m}/target/windows/KEEP.txt").text = 'the plugin must not delete this\n'
}
Faults.save(basedir)
return true
