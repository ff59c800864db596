def WindowsVs = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/WindowsVs.groovy'))
WindowsVs.verify(basedir, 'cmake')
return true
