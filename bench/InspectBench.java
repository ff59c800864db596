import io.github.hotpatch.pdb.PdbFileReader;
import io.github.hotpatch.pe.PeImageReader;
import io.github.hotpatch.verify.Inspector;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-process timing of the verifier on one DLL (its PDB found beside it, as the inspect goal finds it), compiled by
 * bench/run-verifier.sh against target/classes. Not part of the plugin.
 *
 * <pre>
 * java -Xmx32m -cp target/classes:target/bench/harness InspectBench DLL ITERATIONS [LINKER_MODULE_INDEX]
 * </pre>
 *
 * <p>Each iteration times {@code Inspector.inspect(dll)} with System.nanoTime and counts the bytes this thread
 * allocated during it. When LINKER_MODULE_INDEX is given, each iteration then also runs, and times, the LLVM
 * equivalent as two processes (output discarded): {@code llvm-readobj-22 --file-headers --coff-debug-directory
 * --coff-load-config DLL} and {@code llvm-pdbutil-22 dump --summary --modi=N --symbols PDB}, so the two are
 * interleaved iteration by iteration. Prints lines of space-separated fields:
 *
 * <pre>
 * sample ITERATION INSPECT_MS ALLOCATED_BYTES [LLVM_MS]
 * bytes IMAGE_READ IMAGE_SIZE PDB_READ PDB_SIZE
 * heap MAX_HEAP USED_AFTER_GC_BEFORE USED_AFTER_GC_HOLDING_RESULT PEAK_HEAP_DURING_ITERATIONS
 * ready true|false
 * </pre>
 */
public final class InspectBench {

    public static void main(String[] args) throws Exception {
        Path dll = Path.of(args[0]);
        int iterations = Integer.parseInt(args[1]);
        Optional<String> linkerModule = args.length > 2 ? Optional.of(args[2]) : Optional.empty();
        String name = dll.getFileName().toString();
        Path pdb = dll.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".pdb");
        if (!Files.isRegularFile(pdb)) {
            throw new IOException("no PDB beside " + dll + ": " + pdb);
        }

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> heapPools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool);
            }
        }

        long usedBefore = usedAfterGc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);

        Inspector inspector = new Inspector();
        Inspector.Result result = null;
        for (int i = 1; i <= iterations; i++) {
            long allocated0 = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            result = inspector.inspect(dll, Optional.empty(), Optional.empty());
            long t1 = System.nanoTime();
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocated0;
            StringBuilder line = new StringBuilder("sample ")
                    .append(i)
                    .append(' ')
                    .append(String.format("%.3f", (t1 - t0) / 1e6))
                    .append(' ')
                    .append(allocated);
            if (linkerModule.isPresent()) {
                long l0 = System.nanoTime();
                run(
                        "llvm-readobj-22",
                        "--file-headers",
                        "--coff-debug-directory",
                        "--coff-load-config",
                        dll.toString());
                run(
                        "llvm-pdbutil-22",
                        "dump",
                        "--summary",
                        "--modi=" + linkerModule.get(),
                        "--symbols",
                        pdb.toString());
                long l1 = System.nanoTime();
                line.append(' ').append(String.format("%.3f", (l1 - l0) / 1e6));
            }
            System.out.println(line);
        }

        long peak = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            peak += pool.getPeakUsage().getUsed();
        }
        long usedHolding = usedAfterGc();

        @SuppressWarnings("unchecked")
        Map<String, Object> bytes =
                (Map<String, Object>) result.subjects().get(0).facts().get("bytesRead");
        System.out.println("bytes " + bytes.get("image") + " " + bytes.get("imageSize") + " " + bytes.get("pdb") + " "
                + bytes.get("pdbSize"));
        // The readers' own counters, read directly, as a cross-check of the report's figures.
        System.out.println("readers " + PeImageReader.read(dll).bytesRead() + " "
                + PdbFileReader.read(pdb).bytesRead());
        System.out.println(
                "heap " + Runtime.getRuntime().maxMemory() + " " + usedBefore + " " + usedHolding + " " + peak);
        System.out.println("ready " + result.ready());
        // Keep the result reachable until after the measurement above.
        if (result.subjects().isEmpty()) {
            throw new IllegalStateException("no subject");
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IOException("exit " + rc + ": " + String.join(" ", command));
        }
    }
}
