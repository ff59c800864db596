// Another "build" (this invoker JVM; Maven runs the IT in its own process) holds the variant's directory.
import java.nio.channels.FileChannel
import java.nio.file.StandardOpenOption
def dir = new File(basedir, 'target/windows/arm64_schannel')
dir.mkdirs()
def channel = FileChannel.open(new File(dir, '.hotpatch.lock').toPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)
def lock = channel.lock()
channel.write(java.nio.ByteBuffer.wrap('pid 999999 (it holder)\n'.bytes))
System.properties.put('hotpatch.it.lockChannel', channel)
return true
