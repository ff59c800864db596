def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

// Someone unpacked the native sources inside what the plugin would use as arm64_x's build directory.
['inside-variant', 'same-directory'].each { m ->
    def src = new File(basedir, "${m}/target/windows/arm64_x/src")
    src.mkdirs()
    new File(src, 'CMakeLists.txt').text = 'cmake_minimum_required(VERSION 3.20)\nproject(t NONE)\n'
    new File(src, 'main.c').text = 'int main(void) { return 0; }\n'
    new File(basedir, "${m}/target/windows/KEEP.txt").text = 'the plugin must not delete this\n'
}
Faults.save(basedir)
return true
