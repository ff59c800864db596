package io.github.hotpatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of DESIGN.md, read from the main sources: which of the plugin's packages each package refers to (by
 * import or by a fully qualified name) and which packages import Maven.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src", "main", "java", "io", "github", "hotpatch");
    private static final Pattern OWN_REFERENCE = Pattern.compile("\\bio\\.github\\.hotpatch\\.([a-z][a-z0-9_]*)\\.");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)(\\.\\*)?\\s*;");

    /** Package → the plugin's other packages it refers to. */
    private static final Map<String, Set<String>> DEPENDENCIES = new TreeMap<>();
    /** Package → every imported name, for the checks on foreign imports. */
    private static final Map<String, Set<String>> IMPORTS = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        assertTrue(Files.isDirectory(MAIN), "run from the project directory: no " + MAIN.toAbsolutePath());
        List<Path> sources;
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        for (Path source : sources) {
            String pkg = packageOf(source);
            Set<String> deps = DEPENDENCIES.computeIfAbsent(pkg, k -> new TreeSet<>());
            Set<String> imports = IMPORTS.computeIfAbsent(pkg, k -> new TreeSet<>());
            for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (trimmed.startsWith("package ")) {
                    continue;
                }
                Matcher imported = IMPORT.matcher(trimmed);
                if (imported.find()) {
                    imports.add(imported.group(2));
                }
                Matcher own = OWN_REFERENCE.matcher(line);
                while (own.find()) {
                    if (!own.group(1).equals(pkg)) {
                        deps.add(own.group(1));
                    }
                }
            }
        }
    }

    private static String packageOf(Path source) {
        Path relative = MAIN.relativize(source.getParent());
        return relative.toString().replace(source.getFileSystem().getSeparator(), ".");
    }

    @Test
    void readsEveryPackageOfThePlugin() {
        // A guard against an empty or misread tree, which would make every check below pass.
        assertTrue(
                DEPENDENCIES.keySet().containsAll(Set.of("pe", "pdb", "verify", "report", "cmake", "maven")),
                "packages found: " + DEPENDENCIES.keySet());
        assertTrue(DEPENDENCIES.get("maven").contains("verify"), "maven → " + DEPENDENCIES.get("maven"));
    }

    @Test
    void noPackageCycle() {
        // The listing issue #10 asks for: each package and the plugin's packages it refers to.
        System.out.println("package dependencies (main sources):\n" + listing());
        Optional<List<String>> cycle = findCycle(DEPENDENCIES);
        assertFalse(
                cycle.isPresent(),
                () -> "package cycle: " + cycle.get().stream().collect(Collectors.joining(" → ")) + "\n" + listing());
    }

    @Test
    void onlyTheMojosImportMaven() {
        Map<String, Set<String>> offenders = new TreeMap<>();
        IMPORTS.forEach((pkg, imports) -> {
            if (!pkg.equals("maven")) {
                Set<String> maven = imports.stream()
                        .filter(i -> i.startsWith("org.apache.maven"))
                        .collect(Collectors.toCollection(TreeSet::new));
                if (!maven.isEmpty()) {
                    offenders.put(pkg, maven);
                }
            }
        });
        assertEquals(Map.of(), offenders, "packages other than maven importing org.apache.maven");
    }

    @Test
    void verifyAndReportRunNoCmake() {
        // inspect (verify.Inspector) and the reports need no CMake, and verify judges what configure recorded
        // (profile.VariantState) without the package that runs CMake.
        for (String pkg : List.of("verify", "report", "profile", "fileapi")) {
            assertFalse(
                    reaches(pkg, "cmake"),
                    () -> pkg + " depends on cmake (directly or through another package)\n" + listing());
        }
    }

    @Test
    void formatReadersAreXxxReaderReadPathGivingXxx() throws IOException {
        // DESIGN.md: a reader is XxxReader.read(Path) -> Xxx, the one public way into each format package.
        Pattern publicRead = Pattern.compile("public\\s+static\\s+(\\w+)\\s+read\\s*\\(\\s*Path\\b");
        Map<String, String> readers = new TreeMap<>();
        List<String> misnamed = new ArrayList<>();
        for (String pkg : List.of("pe", "pdb", "vcxproj", "fileapi")) {
            try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
                for (Path source : files.sorted().toList()) {
                    String className = source.getFileName().toString().replaceFirst("\\.java$", "");
                    Matcher m = publicRead.matcher(Files.readString(source, StandardCharsets.UTF_8));
                    while (m.find()) {
                        readers.put(pkg + "." + className, m.group(1));
                        if (!className.equals(m.group(1) + "Reader")) {
                            misnamed.add(pkg + "." + className + ".read(Path) -> " + m.group(1));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), misnamed, "public read(Path) outside an XxxReader returning Xxx");
        assertEquals(
                Map.of(
                        "fileapi.FileApiReplyReader", "FileApiReply",
                        "pdb.PdbFileReader", "PdbFile",
                        "pdb.PdbSymbolsReader", "PdbSymbols",
                        "pe.BaseRelocationTableReader", "BaseRelocationTable",
                        "pe.ExportTableReader", "ExportTable",
                        "pe.PeImageReader", "PeImage",
                        "vcxproj.VcxprojFileReader", "VcxprojFile",
                        "vcxproj.XmlElementReader", "XmlElement"),
                readers);
    }

    @Test
    void theCycleFinderFindsACycle() {
        // The check above is only as good as the search: it must see a cycle that exists.
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", Set.of("b"));
        graph.put("b", Set.of("c"));
        graph.put("c", Set.of("a"));
        graph.put("d", Set.of("a"));
        assertEquals(Optional.of(List.of("a", "b", "c", "a")), findCycle(graph));
        graph.put("c", Set.of());
        assertEquals(Optional.empty(), findCycle(graph));
    }

    private static boolean reaches(String from, String to) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(DEPENDENCIES.getOrDefault(from, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (next.equals(to)) {
                return true;
            }
            if (seen.add(next)) {
                todo.addAll(DEPENDENCIES.getOrDefault(next, Set.of()));
            }
        }
        return false;
    }

    /** The first cycle a depth-first search meets, as the packages along it with the first repeated at the end. */
    static Optional<List<String>> findCycle(Map<String, Set<String>> graph) {
        Set<String> done = new HashSet<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> cycle = visit(start, graph, path, done);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(
            String node, Map<String, Set<String>> graph, List<String> path, Set<String> done) {
        int onPath = path.indexOf(node);
        if (onPath >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(onPath, path.size()));
            cycle.add(node);
            return Optional.of(cycle);
        }
        if (done.contains(node)) {
            return Optional.empty();
        }
        path.add(node);
        for (String next : new TreeSet<>(graph.getOrDefault(node, Set.of()))) {
            Optional<List<String>> cycle = visit(next, graph, path, done);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(node);
        return Optional.empty();
    }

    private static String listing() {
        return DEPENDENCIES.entrySet().stream()
                .map(e -> "  " + e.getKey() + " → " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("\n"));
    }
}
