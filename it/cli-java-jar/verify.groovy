// `java -jar` on the plugin jar the invoker installed (the jar `package` built), with nothing else on the path.
def versions = new File(localRepositoryPath, 'io/github/hotpatch/hotpatch-maven-plugin').listFiles().findAll { it.isDirectory() }
assert versions.size() == 1 : versions
def version = versions[0].name
def jar = new File(versions[0], "hotpatch-maven-plugin-${version}.jar")
assert jar.isFile()
def java = new File(System.getProperty('java.home'), 'bin/java').path

// No Maven (or any other library) inside: the command runs from the jar alone.
new java.util.jar.JarFile(jar).withCloseable { j ->
    assert j.manifest.mainAttributes.getValue('Main-Class') == 'io.github.hotpatch.cli.Main'
    assert j.manifest.mainAttributes.getValue('Class-Path') == null
    assert j.getEntry('META-INF/maven/plugin.xml') != null : 'the Maven plugin descriptor is kept'
    def foreign = j.entries().toList()*.name.findAll { it.endsWith('.class') && !it.startsWith('io/github/hotpatch/') }
    assert foreign.isEmpty() : foreign
}

def cli = { List<String> args ->
    def p = new ProcessBuilder([java, '-jar', jar.path] + args).directory(basedir).start()
    def out = new StringBuilder(), err = new StringBuilder()
    p.waitForProcessOutput(out, err)
    return [exit: p.exitValue(), out: out.toString(), err: err.toString()]
}

def r = cli(['inspect', '--arch', 'ARM64', '--report', 'cli.json', '--sarif', 'cli.sarif', '--junit', 'TEST-cli.xml', 'fixture/hotpatch.dll'])
assert r.exit == 0 : r
assert r.err == '' : r.err
assert r.out.contains('hotpatch.dll: HOTPATCH_READY') : r.out
assert new File(basedir, 'cli.json').bytes == new File(basedir, 'goal.json').bytes : 'the command wrote other JSON than the goal'
assert new groovy.json.JsonSlurper().parse(new File(basedir, 'cli.sarif')).runs[0].tool.driver.version == version
assert new File(basedir, 'TEST-cli.xml').text.contains('<testsuite')
// The goal's table lines, in the build log after their level ("[INFO] "; FAIL rows "[ERROR] ", DEVIATION rows
// "[WARNING] "), are the command's lines.
def log = new File(basedir, 'build.log').text
r.out.readLines().findAll { it.contains('HP-BIN-') }.each { line ->
    assert ['[INFO] ', '[WARNING] ', '[ERROR] '].any { log.contains(it + line) } : line
}

def v = cli(['--version'])
assert v.exit == 0 && v.out == "hotpatch ${version}\n".toString() : v
def h = cli(['--help'])
assert h.exit == 0 && h.out.contains('inspect') : h

def strict = cli(['inspect', '--fail-on-violation', 'plain/plain.dll'])
assert strict.exit == 1 : strict
assert strict.err.readLines().size() == 1 && strict.err.startsWith('hotpatch inspect: NOT_READY: plain.dll HP-BIN-') : strict.err

def lenient = cli(['inspect', 'plain'])
assert lenient.exit == 0 && lenient.out.contains('plain.dll: NOT_READY') : lenient

def missing = cli(['inspect', 'no-such.dll'])
assert missing.exit == 2 && missing.err == "hotpatch inspect: ${basedir.toPath().toAbsolutePath().normalize().resolve('no-such.dll')}: no such file or directory\n".toString() : missing

def bad = cli(['inspect', '--arch'])
assert bad.exit == 2 && bad.err.readLines().size() == 1 && bad.err.contains('--arch needs a value') : bad

def unreadable = cli(['inspect', 'pom.xml'])
assert unreadable.exit == 2 && unreadable.err.readLines().size() == 1 && unreadable.err.contains('pom.xml') : unreadable
assert !unreadable.err.contains('Exception') : unreadable.err
return true
