package io.github.hotpatch.pe;

import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * llvm-readobj's indented "Key: value" / "Block {" output as a tree, so the differential tests can ask for
 * e.g. {@code ImageFileHeader/Machine} or every {@code DebugDirectory/DebugEntry}.
 */
final class ReadobjTree {

    static final String READOBJ = "llvm-readobj-22";
    private static final Pattern HEX_IN_PARENS = Pattern.compile("\\(0x([0-9A-Fa-f]+)\\)");

    final String name;
    final Map<String, String> values = new LinkedHashMap<>();
    final List<ReadobjTree> children = new ArrayList<>();

    private ReadobjTree(String name) {
        this.name = name;
    }

    /** Runs readobj (argument array, no shell) with {@code options} on {@code file} and parses its output. */
    static ReadobjTree of(Path file, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(READOBJ));
        command.addAll(List.of(options));
        command.add(file.toString());
        return parse(NativeFixtures.run(file.getParent(), command.toArray(String[]::new)));
    }

    static ReadobjTree parse(String output) {
        ReadobjTree root = new ReadobjTree("");
        Deque<ReadobjTree> stack = new ArrayDeque<>();
        stack.push(root);
        for (String raw : output.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("}") || line.equals("]") || line.equals(")")) {
                if (stack.size() > 1) {
                    stack.pop();
                }
                continue;
            }
            char last = line.charAt(line.length() - 1);
            boolean opens = last == '{' || last == '(' || (last == '[' && !line.contains(": "));
            // "GuardFlags [ (0x100)" opens a flag list and carries the value in parentheses.
            Matcher flagList =
                    Pattern.compile("^(\\w+) \\[ (\\(0x[0-9A-Fa-f]+\\))$").matcher(line);
            if (flagList.matches()) {
                stack.peek().values.putIfAbsent(flagList.group(1), flagList.group(2));
                ReadobjTree child = new ReadobjTree(flagList.group(1));
                stack.peek().children.add(child);
                stack.push(child);
            } else if (opens) {
                String blockName = line.substring(0, line.length() - 1).strip();
                ReadobjTree child = new ReadobjTree(blockName);
                stack.peek().children.add(child);
                stack.push(child);
            } else {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    stack.peek().values.putIfAbsent(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        return root;
    }

    /** The first child block with this name. */
    Optional<ReadobjTree> child(String blockName) {
        return children.stream().filter(c -> c.name.equals(blockName)).findFirst();
    }

    List<ReadobjTree> all(String blockName) {
        return children.stream().filter(c -> c.name.equals(blockName)).toList();
    }

    ReadobjTree path(String... names) {
        ReadobjTree node = this;
        for (String n : names) {
            node = node.child(n).orElseThrow(() -> new AssertionError("readobj output has no block " + n));
        }
        return node;
    }

    Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A value such as "IMAGE_FILE_MACHINE_ARM64 (0xAA64)" or "(0x160)" or "0x1234" or "14", as a number. */
    long number(String key) {
        String v = value(key).orElseThrow(() -> new AssertionError("readobj block " + name + " has no " + key));
        Matcher m = HEX_IN_PARENS.matcher(v);
        if (m.find()) {
            return Long.parseLong(m.group(1), 16);
        }
        String first = v.split(" ")[0];
        return first.startsWith("0x") ? Long.parseLong(first.substring(2), 16) : Long.parseLong(first);
    }
}
