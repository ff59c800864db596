// Another "build" (this invoker JVM; Maven runs the IT in its own process) holds the variant's directory.
import java.nio.channels.FileChannel
import java.nio.file.StandardOpenOption
def dir = new File(basedir, 'target/windows/arm64_schannel')
dir.mkdirs()
def channel = FileChannel.open(new File(dir, '.hotpatch.lock').toPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)
def lock = channel.lock()
// The holder text lives beside the locked file (Windows locks are mandatory: the locked file cannot be read).
new File(dir, '.hotpatch.lock.holder').text = 'pid 999999 (it holder)\n'
System.properties.put('hotpatch.it.lockChannel', channel)
return true
