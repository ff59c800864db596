import java.nio.file.Files

def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

// A PATH directory with everything this machine's PATH has (the first of each name), except cmake.
def bin = new File(basedir, 'target/path-without-cmake')
bin.mkdirs()
def seen = [] as Set
System.getenv('PATH').split(File.pathSeparator).each { dir ->
    new File(dir).listFiles()?.sort { it.name }?.each { f ->
        if (f.name != 'cmake' && f.isFile() && f.canExecute() && seen.add(f.name)) {
            Files.createSymbolicLink(new File(bin, f.name).toPath(), f.toPath().toAbsolutePath())
        }
    }
}
assert seen.containsAll(['java', 'ninja', 'clang-cl-22', 'lld-link-22', 'llvm-lib-22']) : 'the other tools stay on PATH'
assert !new File(bin, 'cmake').exists()
new File(basedir, 'target/windows').mkdirs()
new File(basedir, 'target/windows/KEEP.txt').text = 'the plugin must not delete this\n'
Faults.save(basedir)
return true
