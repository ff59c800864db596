def WindowsVs = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/WindowsVs.groovy'))
WindowsVs.verify(basedir, 'msbuild')
return true
