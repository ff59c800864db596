package io.github.hotpatch.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in tool that hangs: {@code HangingTool <pidFile> <versionLine|-> args...}. Asked for {@code --version} it
 * prints the version line and exits (unless that is {@code -}); otherwise it prints "stand-in: hanging on ARG",
 * starts a child JVM that sleeps, writes the child's pid to the file and waits for it, as a build tool waits for its
 * compilers.
 */
public final class HangingTool {
    private HangingTool() {}

    public static void main(String[] args) throws Exception {
        Path pidFile = Path.of(args[0]);
        String version = args[1];
        String first = args.length > 2 ? args[2] : "";
        if (first.equals("--version") && !version.equals("-")) {
            System.out.println(version);
            return;
        }
        System.out.println("stand-in: hanging on " + first);
        System.out.flush();
        Process child = new ProcessBuilder(JavaMain.command(Tool.class, "sleep:30000"))
                .inheritIO()
                .start();
        Files.writeString(pidFile, Long.toString(child.pid()));
        child.waitFor();
    }
}
