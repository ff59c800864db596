package io.github.hotpatch.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a {@link StandIn} runs: {@code StandInMain <base> <exitCode> args...} appends the arguments to
 * {@code <base>.args}, prints {@code <base>.out} and exits with the code. Each argument is one line starting with
 * {@code +} (backslash, CR and LF escaped), an invocation ends with a line {@code -}; so every argument, empty ones and
 * ones holding line breaks included, reads back exactly.
 */
public final class StandInMain {
    private StandInMain() {}

    public static void main(String[] args) throws IOException {
        Path base = Path.of(args[0]);
        int exitCode = Integer.parseInt(args[1]);
        StringBuilder sb = new StringBuilder();
        for (String arg : Arrays.asList(args).subList(2, args.length)) {
            sb.append('+')
                    .append(arg.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n"))
                    .append('\n');
        }
        sb.append("-\n");
        Files.writeString(
                base.resolveSibling(base.getFileName() + ".args"),
                sb,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        System.out.write(Files.readAllBytes(base.resolveSibling(base.getFileName() + ".out")));
        System.out.flush();
        System.exit(exitCode);
    }

    static List<List<String>> read(Path record) throws IOException {
        if (!Files.exists(record)) {
            return List.of();
        }
        List<List<String>> result = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
            if (line.equals("-")) {
                result.add(List.copyOf(current));
                current.clear();
            } else {
                current.add(unescape(line.substring(1)));
            }
        }
        return result;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
