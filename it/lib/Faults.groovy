import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import java.security.MessageDigest

// Helpers the fault-injection ITs share: what the goal's error said, and proof that a failing run created,
// changed or deleted nothing outside the plugin's variant build directories.
class Faults {
    static final String SNAPSHOT = 'fs-before.txt'

    /** Files the invoker (not the plugin) writes into the IT directory during the run. */
    static final List<String> INVOKER_FILES = ['build.log', SNAPSHOT, '.mvn/']

    /**
     * The one file the plugin keeps outside the variant directories even when a goal fails: which cmake it has
     * checked (the configure goal's cmakeVersionCache, in the project's target/hotpatch). Matched exactly, so
     * anything else appearing in target/hotpatch still counts.
     */
    static final List<String> PLUGIN_STATE = ['target/hotpatch/', 'target/hotpatch/cmake-version.properties']

    private static boolean skipped(String key, List<String> skip) {
        return PLUGIN_STATE.contains(key) || skip.any { s -> s.endsWith('/') ? key.startsWith(s) : key == s }
    }

    /**
     * The IT directory as it is now: relative path -> 'dir', 'link <target>' or the file's SHA-256. Symbolic links
     * are recorded, never followed. Paths equal to or below an entry of {@code allowed} (and the invoker's files)
     * are left out; an entry ending in '/' stands for that directory and everything in it.
     */
    static SortedMap<String, String> take(File basedir, List<String> allowed) {
        Path root = basedir.toPath()
        def skip = INVOKER_FILES + allowed
        def result = new TreeMap<String, String>()
        Files.walk(root).withCloseable { stream ->
            stream.each { Path p ->
                if (p == root) {
                    return
                }
                boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                String key = root.relativize(p).toString().replace('\\', '/') + (dir ? '/' : '')
                if (skipped(key, skip)) {
                    return
                }
                if (Files.isSymbolicLink(p)) {
                    result[key] = 'link ' + Files.readSymbolicLink(p)
                } else if (dir) {
                    result[key] = 'dir'
                } else {
                    result[key] = MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(p)).encodeHex().toString()
                }
            }
        }
        return result
    }

    /** Records the IT directory before the build (call it last in prebuild.groovy, after writing the fixtures). */
    static void save(File basedir) {
        def now = take(basedir, [])
        new File(basedir, SNAPSHOT).text = now.collect { k, v -> "${k}\t${v}" }.join('\n') + '\n'
    }

    /**
     * Asserts that, apart from {@code allowed} (the variant build directories the run may write, stand-in records),
     * nothing in the IT directory was created, changed or deleted since {@link #save}.
     */
    static void assertUnchanged(File basedir, List<String> allowed) {
        def skip = INVOKER_FILES + allowed
        def before = new TreeMap<String, String>()
        new File(basedir, SNAPSHOT).eachLine { line ->
            if (line) {
                def (k, v) = line.split('\t', 2)
                if (!skipped(k, skip)) {
                    before[k] = v
                }
            }
        }
        def after = take(basedir, allowed)
        def created = after.keySet() - before.keySet()
        def deleted = before.keySet() - after.keySet()
        def changed = before.keySet().intersect(after.keySet()).findAll { before[it] != after[it] }
        assert created.isEmpty() && deleted.isEmpty() && changed.isEmpty() :
                "outside ${allowed}: created ${created}, deleted ${deleted}, changed ${changed}"
    }

    /**
     * The message of each failed goal in build.log (one per invocation), without the [ERROR] prefixes: the text after
     * "on project <id>: " and its continuation lines, up to "-> [Help 1]".
     */
    static List<String> failures(File basedir) {
        def lines = new File(basedir, 'build.log').readLines()
        def result = []
        for (int i = 0; i < lines.size(); i++) {
            def m = lines[i] =~ /^\[ERROR\] Failed to execute goal \S+ \([^)]*\) on project [^:]+: (.*)$/
            if (m.matches()) {
                // A one-line message ends in " -> [Help 1]" on that line; a longer one on a line of its own.
                def first = m.group(1)
                if (first.endsWith(' -> [Help 1]')) {
                    result << first.substring(0, first.length() - ' -> [Help 1]'.length())
                    continue
                }
                def text = [first]
                int j = i + 1
                while (j < lines.size() && lines[j].startsWith('[ERROR] ') && !lines[j].startsWith('[ERROR] -> [Help')) {
                    text << lines[j].substring('[ERROR] '.length())
                    j++
                }
                result << text.join('\n')
                i = j
            }
        }
        return result
    }

    /** The single failure of a one-invocation IT; also asserts it is the plugin's own message, not a crash. */
    static String failure(File basedir) {
        def all = failures(basedir)
        assert all.size() == 1 : "expected one failed goal, got ${all}"
        assertNoCrash(basedir)
        return all[0]
    }

    /**
     * The goal failed with the plugin's deliberate MojoExecutionException, and nothing in the log is a crash. The
     * mojos keep the cause of what they report (house rule), so a cause may follow: one of the plugin's own
     * exceptions, an I/O exception, or an IllegalArgumentException/IllegalStateException thrown by the plugin's own
     * validation (its first frame is in io.github.hotpatch). Anything else (an NPE, a JDK-internal
     * IllegalArgumentException, ...) is a crash.
     */
    static void assertNoCrash(File basedir) {
        def lines = new File(basedir, 'build.log').readLines()
        def causes = lines.findIndexValues { it.startsWith('Caused by: ') }.collect { it as int }
        assert !causes.isEmpty() && lines[causes[0]].startsWith('Caused by: org.apache.maven.plugin.MojoExecutionException: ') :
                'the goal failed with a MojoExecutionException'
        def unexpected = crashes(lines)
        assert unexpected.isEmpty() : "unexpected exceptions: ${unexpected}"
    }

    /** The "Caused by" lines of a log that are not one of the plugin's deliberate failures (see assertNoCrash). */
    static List<String> crashes(List<String> lines) {
        def causes = lines.findIndexValues { it.startsWith('Caused by: ') }.collect { it as int }
        return causes.findAll { i -> !deliberate(lines[i], i + 1 < lines.size() ? lines[i + 1] : '') }
                .collect { lines[it] }
    }

    private static boolean deliberate(String cause, String firstFrame) {
        def type = (cause - 'Caused by: ').split(':')[0].trim()
        if (type == 'org.apache.maven.plugin.MojoExecutionException' || type == 'org.apache.maven.plugin.MojoFailureException'
                || type.startsWith('io.github.hotpatch.')) {
            return true
        }
        if (type.startsWith('java.io.') || type.startsWith('java.nio.file.') && type != 'java.nio.file.InvalidPathException') {
            return true
        }
        if (type == 'java.lang.IllegalArgumentException' || type == 'java.lang.IllegalStateException') {
            return firstFrame.trim().startsWith('at io.github.hotpatch.')
        }
        return false
    }

    /** Writes an executable shell script. */
    static File script(File file, String text) {
        file.parentFile.mkdirs()
        file.text = text
        file.setExecutable(true, false)
        return file
    }

    /** The first executable called {@code name} on this process's PATH. */
    static File onPath(String name) {
        def hit = System.getenv('PATH').split(File.pathSeparator).findResult { dir ->
            def f = new File(dir, name)
            f.isFile() && f.canExecute() ? f : null
        }
        assert hit != null : "${name} is not on PATH"
        return hit
    }
}
