package io.github.hotpatch.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Commands that run a main class of the test classes in a fresh JVM: portable stand-ins for shell one-liners. */
public final class JavaMain {
    private JavaMain() {}

    /** This JVM's java executable ({@code java.exe} on Windows). */
    public static Path java() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path exe = bin.resolve("java.exe");
        return Files.isRegularFile(exe) ? exe : bin.resolve("java");
    }

    /** {@code java -cp <test classpath> <main> args...} as an argument array. */
    public static List<String> command(Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                java().toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath(), main.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    public static String classPath() {
        return System.getProperty("java.class.path");
    }
}
