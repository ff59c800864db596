def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

def cmake = new File(basedir, 'target/hanging-cmake/cmake').toPath().toAbsolutePath().normalize()
def variant = new File(basedir, 'target/windows/arm64_x').toPath().toAbsolutePath().normalize()
def log = new File(basedir, 'build.log').text
def failure = Faults.failure(basedir)
assert failure.startsWith("[arm64_x] ${cmake} timed out after 2 s and was killed\n") : failure
assert failure.contains("command: ${cmake} --build ${variant} --config Release --target impl\n") : failure
assert failure.contains("stand-in: building ${variant}, this takes 60 s") : 'the tail of its output'
assert !log.contains('the sleeper finished')
// The configure before it was not limited and succeeded.
assert new File(variant.toFile(), 'build.ninja').isFile()

// Killed in seconds, not after the 60 s sleep.
def total = (log =~ /Total time:\s+([\d.]+) s/)
assert total.find() && Double.parseDouble(total.group(1)) < 30 : 'the build goal ended soon after its 2 s limit'

// The stand-in's child went with it: SIGKILLed, at most a zombie waiting for init.
def pid = new File(basedir, 'target/records/sleeper.pid').text.trim()
def status = new File("/proc/${pid}/status")
def running = { ->
    try {
        return !(status.text =~ /State:\s+Z/)
    } catch (IOException gone) {
        return false
    }
}
def deadline = System.currentTimeMillis() + 5000
while (running() && System.currentTimeMillis() < deadline) {
    Thread.sleep(50)
}
assert !running() : "the sleeper ${pid} still runs"

Faults.assertUnchanged(basedir, ['target/windows/arm64_x/', 'target/records/'])
return true
