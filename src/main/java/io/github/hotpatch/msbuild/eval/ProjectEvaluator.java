package io.github.hotpatch.msbuild.eval;

import io.github.hotpatch.vcxproj.AdditionalOptions;
import io.github.hotpatch.vcxproj.LinkFlagTable;
import io.github.hotpatch.vcxproj.LinkSettings;
import io.github.hotpatch.vcxproj.ProjectConfiguration;
import io.github.hotpatch.vcxproj.VcxprojFile;
import io.github.hotpatch.vcxproj.VcxprojFormatException;
import io.github.hotpatch.vcxproj.XmlElement;
import io.github.hotpatch.vcxproj.XmlElementReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Evaluates a hand-written MSBuild C++ project the way MSBuild does, over the subset such projects use, once per
 * declared {@code ProjectConfiguration}: first every property and import in document order (pass 1), then every
 * {@code ItemDefinitionGroup} in document order with the final properties (pass 2).
 *
 * <p>Supported: {@code PropertyGroup}s and properties with {@code Condition}s; {@code $(Name)} expansion from the
 * global properties ({@code Configuration}, {@code Platform} and those given), the reserved {@code MSBuildThisFile*}
 * and {@code MSBuildProject*} properties, the project's properties and the environment (an undefined property is
 * empty, as in MSBuild); {@code Import}s and {@code ImportGroup}s of files that exist, relative to the importing file;
 * the Visual C++ toolset imports ({@code $(VCTargetsPath)\Microsoft.Cpp.Default.props} and
 * {@code ...\Microsoft.Cpp.targets}), which are not here, are replaced by what they import from the project's tree:
 * {@code Directory.Build.props} (found upward from the project, as Microsoft.Common.props does), and
 * {@code Directory.Build.targets} then {@code $(ForceImportAfterCppTargets)}; {@code ItemDefinitionGroup/Link}
 * metadata with {@code %(Name)} referring to the value defined before.
 *
 * <p>Everything else that may matter ({@code Choose}, property functions {@code $([...])}, {@code Sdk} projects,
 * targets, unreadable conditions, missing imports) is listed as {@link NotEvaluated} with file and line, never
 * guessed. Hostile input ends in a {@link VcxprojFormatException} (or {@link ProjectEvaluationException}) naming the
 * file and the bound: imports deeper than {@value #MAX_IMPORT_DEPTH} or more than {@value #MAX_IMPORTS}, a value
 * longer than {@value #MAX_VALUE_LENGTH} characters, more than {@value #MAX_CONFIGURATIONS} configurations.
 */
public final class ProjectEvaluator {

    public static final int MAX_IMPORT_DEPTH = 32;
    public static final int MAX_IMPORTS = 256;
    public static final int MAX_VALUE_LENGTH = 1 << 20;
    public static final long MAX_EXPANDED_CHARS = 64L << 20;
    public static final int MAX_CONFIGURATIONS = 64;

    /** The property the plugin and users set to import a .targets file at the end of Microsoft.Cpp.targets. */
    public static final String FORCE_IMPORT_AFTER_CPP_TARGETS = "ForceImportAfterCppTargets";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*");
    private static final String VC_TARGETS_PATH = "$(vctargetspath)";

    private final Map<String, String> environment;
    private final Map<String, String> globalProperties;
    private final Map<Path, XmlElement> parsed = new HashMap<>();
    private final Path tree;

    /** Evaluates with this process's environment and no global properties beyond Configuration and Platform. */
    public ProjectEvaluator() {
        this(System.getenv(), Map.of());
    }

    /**
     * @param environment      the environment variables MSBuild would see (they are properties of lowest precedence)
     * @param globalProperties {@code /p:} properties besides Configuration and Platform, e.g.
     *                         {@code ForceImportAfterCppTargets}; a project cannot override them
     */
    public ProjectEvaluator(Map<String, String> environment, Map<String, String> globalProperties) {
        this(environment, globalProperties, null);
    }

    /** As above, but no file outside {@code tree} is looked at (the fuzz test's scratch directory). */
    ProjectEvaluator(Map<String, String> environment, Map<String, String> globalProperties, Path tree) {
        this.environment = caseInsensitive(environment);
        this.globalProperties = caseInsensitive(globalProperties);
        this.tree = tree == null ? null : tree.toAbsolutePath().normalize();
    }

    private boolean inTree(Path path) {
        return tree == null || path.toAbsolutePath().normalize().startsWith(tree);
    }

    /** Evaluates every declared configuration of {@code project}. */
    public EvaluatedProject evaluate(Path project) throws IOException {
        Path file = project.toAbsolutePath().normalize();
        List<EvaluatedConfiguration> result = new ArrayList<>();
        for (ProjectConfiguration configuration : configurations(file)) {
            result.add(evaluate(file, configuration));
        }
        return new EvaluatedProject(file, result);
    }

    /** The {@code ProjectConfiguration} items the project declares, in file order. */
    public List<ProjectConfiguration> configurations(Path project) throws IOException {
        Path file = project.toAbsolutePath().normalize();
        XmlElement root = parse(file);
        Set<ProjectConfiguration> found = new LinkedHashSet<>();
        for (XmlElement group : children(root)) {
            if (!group.name().equals("ItemGroup")) {
                continue;
            }
            for (XmlElement item : children(group)) {
                if (!item.name().equals("ProjectConfiguration")) {
                    continue;
                }
                String include = item.attribute("Include").orElse("");
                try {
                    found.add(ProjectConfiguration.parse(include));
                } catch (IllegalArgumentException e) {
                    throw new VcxprojFormatException(
                            file,
                            "line " + item.line()
                                    + ": expected <ProjectConfiguration Include=\"Configuration|Platform\">,"
                                    + " found Include=\"" + include + "\"");
                }
                if (found.size() > MAX_CONFIGURATIONS) {
                    throw new ProjectEvaluationException(
                            file,
                            "declares more than " + MAX_CONFIGURATIONS + " configurations (line " + item.line() + ")");
                }
            }
        }
        if (found.isEmpty()) {
            throw new VcxprojFormatException(
                    file,
                    "expected <ItemGroup Label=\"ProjectConfigurations\"> with "
                            + "<ProjectConfiguration Include=\"Configuration|Platform\"> items; found none");
        }
        return new ArrayList<>(found);
    }

    /** Evaluates one configuration (it need not be declared: the build path asks for Release|arch). */
    public EvaluatedConfiguration evaluate(Path project, ProjectConfiguration configuration) throws IOException {
        Path file = project.toAbsolutePath().normalize();
        Run run = new Run(file, configuration);
        return run.evaluate();
    }

    private XmlElement parse(Path file) throws IOException {
        XmlElement root = parsed.get(file);
        if (root == null) {
            root = XmlElementReader.read(file);
            parsed.put(file, root);
        }
        return root;
    }

    private static List<XmlElement> children(XmlElement parent) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement e : parent.children()) {
            if (e.namespace().isEmpty() || e.namespace().equals(VcxprojFile.MSBUILD_NAMESPACE)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Map<String, String> caseInsensitive(Map<String, String> source) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        source.forEach((k, v) -> {
            if (k != null && v != null) {
                map.putIfAbsent(k, v);
            }
        });
        return map;
    }

    /** A property's value, where it was set, and what its value depends on that was not evaluated. */
    private record Property(String value, String origin, Set<String> undefined, List<String> taints) {}

    /** What one expansion read: undefined properties, unevaluated parts, and the properties it used. */
    private static final class Reads {
        final Set<String> undefined = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        final List<String> taints = new ArrayList<>();
        final List<String> used = new ArrayList<>();
    }

    /** An ItemDefinitionGroup met in pass 1, kept for pass 2 with the file it is in. */
    private record Deferred(Path file, XmlElement group) {}

    /** One configuration's evaluation. */
    private final class Run {
        private final Path project;
        private final ProjectConfiguration configuration;
        private final Map<String, Property> properties = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final Map<String, String> globals = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final Map<String, List<String>> tainted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final List<Path> imports = new ArrayList<>();
        private final Set<Path> imported = new LinkedHashSet<>();
        private final Deque<Path> importStack = new ArrayDeque<>();
        private final Set<NotEvaluated> notEvaluated = new LinkedHashSet<>();
        private final List<Deferred> itemDefinitions = new ArrayList<>();
        private final List<String> evidence = new ArrayList<>();
        private long expandedChars;
        private Path currentFile;

        Run(Path project, ProjectConfiguration configuration) {
            this.project = project;
            this.configuration = configuration;
            globals.putAll(globalProperties);
            globals.put("Configuration", configuration.configuration());
            globals.put("Platform", configuration.platform());
        }

        EvaluatedConfiguration evaluate() throws IOException {
            XmlElement root = parse(project);
            imported.add(project);
            imports.add(project);
            importStack.push(project);
            currentFile = project;
            root.attribute("Sdk")
                    .filter(s -> !s.isBlank())
                    .ifPresent(sdk -> note(
                            root,
                            "<Project Sdk=\"" + sdk + "\">",
                            "SDK projects import the SDK's props and targets implicitly; those are not evaluated",
                            true));
            walk(root, project);
            importStack.pop();
            Map<String, String> link = new LinkedHashMap<>();
            for (Deferred d : itemDefinitions) {
                currentFile = d.file();
                itemDefinitionGroup(d.file(), d.group(), link);
            }
            currentFile = project;
            String rawOptions = null;
            Map<String, String> elements = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : link.entrySet()) {
                if (e.getKey().equalsIgnoreCase("AdditionalOptions")) {
                    rawOptions = e.getValue();
                } else {
                    elements.put(e.getKey(), e.getValue().trim());
                }
            }
            AdditionalOptions options = rawOptions == null
                    ? AdditionalOptions.none()
                    : AdditionalOptions.parse(rawOptions, AdditionalOptions.none());
            Map<String, String> finalProperties = new LinkedHashMap<>();
            properties.forEach((k, v) -> finalProperties.put(k, v.value()));
            finalProperties.putAll(globals);
            List<String> linkOptions = new ArrayList<>();
            elements.forEach((k, v) -> LinkFlagTable.switchFor(k, v).ifPresent(linkOptions::add));
            Property incremental = properties.get("LinkIncremental");
            if (incremental != null) {
                LinkFlagTable.switchFor("LinkIncremental", incremental.value()).ifPresent(linkOptions::add);
            }
            linkOptions.addAll(options.tokens());
            LinkSettings settings = LinkSettings.of(project, configuration, options, elements, finalProperties);
            return new EvaluatedConfiguration(
                    configuration,
                    settings,
                    linkOptions,
                    evidence,
                    new ArrayList<>(notEvaluated),
                    imports,
                    finalProperties);
        }

        // ---- pass 1: properties and imports ------------------------------------------------------------------

        private void walk(XmlElement root, Path file) throws IOException {
            for (XmlElement child : children(root)) {
                switch (child.name()) {
                    case "PropertyGroup" -> {
                        if (condition(child, file, false, "<PropertyGroup>", true)) {
                            for (XmlElement property : children(child)) {
                                property(property, file);
                            }
                        }
                    }
                    case "Import" -> importElement(child, file);
                    case "ImportGroup" -> {
                        if (condition(child, file, true, "<ImportGroup>", false)) {
                            for (XmlElement imp : children(child)) {
                                if (imp.name().equals("Import")) {
                                    importElement(imp, file);
                                } else {
                                    note(imp, "<" + imp.name() + "> in <ImportGroup>", "not an Import", false);
                                }
                            }
                        }
                    }
                    case "ItemDefinitionGroup" -> itemDefinitions.add(new Deferred(file, child));
                    case "Choose" ->
                        note(
                                child,
                                "<Choose>",
                                "Choose/When/Otherwise is outside the evaluated subset; its property groups and item"
                                        + " definitions are not applied",
                                true);
                    case "Target" -> {
                        boolean link = mentionsLink(child);
                        note(
                                child,
                                "<Target Name=\"" + child.attribute("Name").orElse("") + "\">",
                                "targets run during the build, not at evaluation"
                                        + (link ? "; this one defines Link metadata, which is not applied" : ""),
                                link);
                    }
                    case "ItemGroup", "UsingTask", "ProjectExtensions", "Sdk" -> {
                        // items (sources, references, configurations) and tasks do not change Link item definitions
                    }
                    default -> note(child, "<" + child.name() + ">", "element outside the evaluated subset", false);
                }
            }
        }

        private void property(XmlElement element, Path file) throws IOException {
            String name = element.name();
            String where = where(file, element);
            if (!NAME.matcher(name).matches()) {
                note(element, "<" + name + ">", "not a property name", false);
                return;
            }
            if (!element.children().isEmpty()) {
                taint(name, where + ": property <" + name + "> holds XML elements, which are not evaluated");
                note(element, "<" + name + ">", "a property holding XML elements is not evaluated", false);
                return;
            }
            if (!condition(element, file, false, "<" + name + ">", true)) {
                return;
            }
            if (globals.containsKey(name)) {
                return; // global properties (/p:) win over the project's, as in MSBuild
            }
            if (reserved(name) != null) {
                note(element, "<" + name + ">", "a reserved MSBuild property cannot be set (MSB4004); ignored", false);
                return;
            }
            Reads reads = new Reads();
            String value = expand(element.text().trim(), file, element, reads, null);
            properties.put(name, new Property(value, where, reads.undefined, reads.taints));
            if (!reads.taints.isEmpty()) {
                taint(name, String.join("; ", reads.taints));
            } else {
                tainted.remove(name);
            }
        }

        private void importElement(XmlElement element, Path file) throws IOException {
            String raw = element.attribute("Project").orElse("");
            String construct = "<Import Project=\"" + raw + "\">";
            if (!condition(element, file, true, construct, false)) {
                return;
            }
            if (raw.toLowerCase(Locale.ROOT).contains(VC_TARGETS_PATH) && !defined("VCTargetsPath")) {
                toolsetImport(element, file, raw, construct);
                return;
            }
            Reads reads = new Reads();
            String path = unescape(expand(raw, file, element, reads, null).trim());
            if (!reads.taints.isEmpty()) {
                note(element, construct, "its path is not evaluated: " + String.join("; ", reads.taints), true);
                return;
            }
            if (path.isEmpty()) {
                note(element, construct, "the path is empty (MSBuild fails with MSB4020)", true);
                return;
            }
            if (path.contains("*") || path.contains("?") || path.contains(";")) {
                note(element, construct, "wildcard or multiple imports are not evaluated", true);
                return;
            }
            Path target;
            try {
                Path p = Path.of(path.replace('\\', '/'));
                target = (p.isAbsolute() ? p : file.getParent().resolve(p)).normalize();
            } catch (InvalidPathException e) {
                note(element, construct, "'" + path + "' is not a path here", true);
                return;
            }
            if (!inTree(target)) {
                note(element, construct, target + " is outside the evaluated tree", true);
                return;
            }
            if (!Files.isRegularFile(target)) {
                String because = reads.undefined.isEmpty()
                        ? "no file " + target + " (MSBuild fails with MSB4019)"
                        : "no file " + target + "; it reads " + dollars(reads.undefined)
                                + ", not defined here (the toolset or Visual Studio may define it)";
                note(element, construct, because, reads.undefined.isEmpty());
                return;
            }
            importFile(element, target, construct);
        }

        private void importFile(XmlElement element, Path target, String construct) throws IOException {
            if (imported.contains(target)) {
                note(
                        element,
                        construct,
                        target + " is imported already" + (importStack.contains(target) ? " (an import cycle)" : "")
                                + "; MSBuild ignores a repeated import (MSB4011)",
                        false);
                return;
            }
            if (importStack.size() >= MAX_IMPORT_DEPTH) {
                throw new ProjectEvaluationException(
                        currentFile,
                        "line " + element.line() + ": imports nest deeper than " + MAX_IMPORT_DEPTH + " files ("
                                + target + ")");
            }
            if (imports.size() >= MAX_IMPORTS) {
                throw new ProjectEvaluationException(
                        currentFile,
                        "line " + element.line() + ": more than " + MAX_IMPORTS + " imported files (" + target + ")");
            }
            XmlElement root = parse(target);
            imported.add(target);
            imports.add(target);
            Path previous = currentFile;
            importStack.push(target);
            currentFile = target;
            try {
                walk(root, target);
            } finally {
                importStack.pop();
                currentFile = previous;
            }
        }

        /** {@code $(VCTargetsPath)\Microsoft.Cpp.*}: not here; what it would import from the project's tree is. */
        private void toolsetImport(XmlElement element, Path file, String raw, String construct) throws IOException {
            String name = raw.replace('/', '\\');
            name = name.substring(name.lastIndexOf('\\') + 1).toLowerCase(Locale.ROOT);
            String instead;
            switch (name) {
                case "microsoft.cpp.default.props" ->
                    instead = "; evaluated in its place: Directory.Build.props found"
                            + " upward from the project (Microsoft.Common.props imports it)";
                case "microsoft.cpp.targets" ->
                    instead = "; evaluated in its place: Directory.Build.targets found" + " upward, then $("
                            + FORCE_IMPORT_AFTER_CPP_TARGETS + ")";
                default -> instead = "";
            }
            note(
                    element,
                    construct,
                    "a Visual C++ toolset file ($(VCTargetsPath) is set by MSBuild for an installed toolset, not here);"
                            + " the toolset's defaults are not evaluated" + instead,
                    false);
            if (name.equals("microsoft.cpp.default.props")) {
                directoryBuildFile(element, "Directory.Build.props", "ImportDirectoryBuildProps");
            } else if (name.equals("microsoft.cpp.targets")) {
                directoryBuildFile(element, "Directory.Build.targets", "ImportDirectoryBuildTargets");
                Property force = properties.get(FORCE_IMPORT_AFTER_CPP_TARGETS);
                String value = globals.containsKey(FORCE_IMPORT_AFTER_CPP_TARGETS)
                        ? globals.get(FORCE_IMPORT_AFTER_CPP_TARGETS)
                        : force == null ? "" : force.value();
                if (!value.isBlank()) {
                    try {
                        Path p = Path.of(value.trim().replace('\\', '/'));
                        Path target = (p.isAbsolute() ? p : file.getParent().resolve(p)).normalize();
                        if (inTree(target) && Files.isRegularFile(target)) {
                            evidence.add(where(file, element) + ": $(" + FORCE_IMPORT_AFTER_CPP_TARGETS + ") imports "
                                    + target + " at the end of Microsoft.Cpp.targets");
                            importFile(element, target, "$(" + FORCE_IMPORT_AFTER_CPP_TARGETS + ") " + target);
                        } else {
                            evidence.add(where(file, element) + ": $(" + FORCE_IMPORT_AFTER_CPP_TARGETS + ") is '"
                                    + value + "', which does not exist; Microsoft.Cpp.targets imports it only if it"
                                    + " exists");
                        }
                    } catch (InvalidPathException e) {
                        note(
                                element,
                                "$(" + FORCE_IMPORT_AFTER_CPP_TARGETS + ")",
                                "'" + value + "' is not a path here",
                                true);
                    }
                }
            }
        }

        private void directoryBuildFile(XmlElement element, String fileName, String switchProperty) throws IOException {
            if ("false".equalsIgnoreCase(valueOf(switchProperty))) {
                evidence.add(fileName + " not searched: $(" + switchProperty + ") is false");
                return;
            }
            for (Path dir = project.getParent(); dir != null && inTree(dir); dir = dir.getParent()) {
                Path candidate = dir.resolve(fileName);
                if (Files.isRegularFile(candidate)) {
                    evidence.add(fileName + " found upward from the project: " + candidate);
                    importFile(element, candidate.normalize(), fileName + " " + candidate);
                    return;
                }
            }
        }

        // ---- pass 2: item definitions -----------------------------------------------------------------------

        private void itemDefinitionGroup(Path file, XmlElement group, Map<String, String> link) throws IOException {
            boolean hasLink = children(group).stream().anyMatch(e -> e.name().equals("Link"));
            if (!condition(group, file, hasLink, "<ItemDefinitionGroup>", false)) {
                return;
            }
            for (XmlElement tool : children(group)) {
                if (!tool.name().equals("Link")) {
                    continue;
                }
                if (!condition(tool, file, true, "<Link>", false)) {
                    continue;
                }
                for (XmlElement metadata : children(tool)) {
                    String name = metadata.name();
                    String construct = "<Link><" + name + ">";
                    if (!metadata.children().isEmpty()) {
                        note(metadata, construct, "metadata holding XML elements is not evaluated", true);
                        continue;
                    }
                    if (!condition(metadata, file, true, construct, false)) {
                        continue;
                    }
                    Reads reads = new Reads();
                    String value = expand(metadata.text().trim(), file, metadata, reads, link);
                    for (String taint : reads.taints) {
                        note(metadata, construct, taint, true);
                    }
                    for (String undefined : reads.undefined) {
                        note(
                                metadata,
                                "$(" + undefined + ") in " + construct,
                                "not defined by the evaluated files or the environment; expanded to empty, as MSBuild"
                                        + " does (Visual Studio, a solution or the toolset may define it)",
                                false);
                    }
                    put(link, name, value);
                    evidence.add(where(file, metadata) + ": " + construct + " = '" + value + "'"
                            + (reads.used.isEmpty() ? "" : " (" + String.join(", ", reads.used) + ")"));
                }
            }
        }

        private void put(Map<String, String> link, String name, String value) {
            String key = link.keySet().stream()
                    .filter(k -> k.equalsIgnoreCase(name))
                    .findFirst()
                    .orElse(name);
            link.put(key, value);
        }

        // ---- conditions and expansion -------------------------------------------------------------------------

        /**
         * The element's condition, or true when it has none. An unreadable condition is noted and counts as false
         * (the element is not applied); a property it guards is marked as not evaluated.
         */
        private boolean condition(
                XmlElement element, Path file, boolean affectsLink, String construct, boolean taintsProperties)
                throws ProjectEvaluationException {
            if (element.condition().isEmpty()) {
                return true;
            }
            String text = element.condition().get();
            try {
                return Condition.evaluate(
                        text,
                        s -> {
                            Reads reads = new Reads();
                            String value;
                            try {
                                value = expand(s, file, element, reads, null);
                            } catch (ProjectEvaluationException e) {
                                throw new UncheckedEvaluationException(e);
                            }
                            if (!reads.taints.isEmpty()) {
                                throw new Unevaluable(
                                        "it reads a value that was not evaluated: " + String.join("; ", reads.taints));
                            }
                            return value;
                        },
                        file.getParent(),
                        ProjectEvaluator.this::inTree);
            } catch (Unevaluable e) {
                note(element, construct + " Condition=\"" + text + "\"", e.getMessage() + "; not applied", affectsLink);
                if (taintsProperties) {
                    String reason = where(file, element) + ": Condition=\"" + text + "\" was not evaluated";
                    if (element.name().equals("PropertyGroup")) {
                        children(element).forEach(p -> taint(p.name(), reason));
                    } else {
                        taint(element.name(), reason);
                    }
                }
                return false;
            } catch (UncheckedEvaluationException e) {
                throw e.cause;
            }
        }

        /**
         * Expands {@code %(Name)} (when {@code metadata} is given: the Link metadata defined before) and then
         * {@code $(Name)}, recording what it read in {@code reads}.
         */
        private String expand(String text, Path file, XmlElement element, Reads reads, Map<String, String> metadata)
                throws ProjectEvaluationException {
            String result = text;
            if (metadata != null) {
                result = expandMetadata(result, metadata, reads);
            }
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < result.length()) {
                int start = result.indexOf("$(", i);
                if (start < 0) {
                    out.append(result, i, result.length());
                    break;
                }
                out.append(result, i, start);
                int end = closing(result, start + 2);
                if (end < 0) {
                    out.append(result, start, result.length());
                    break;
                }
                String inner = result.substring(start + 2, end);
                if (NAME.matcher(inner.trim()).matches()) {
                    out.append(lookup(inner.trim(), reads));
                } else {
                    reads.taints.add(
                            "$(" + abbreviate(inner) + ") is a property function or expression, not evaluated");
                }
                bound(out.length(), file, element);
                i = end + 1;
            }
            bound(out.length(), file, element);
            expandedChars += out.length();
            if (expandedChars > MAX_EXPANDED_CHARS) {
                throw new ProjectEvaluationException(
                        file,
                        "line " + element.line() + ": the evaluation expanded more than " + MAX_EXPANDED_CHARS
                                + " characters in all; refusing to go on");
            }
            return out.toString();
        }

        private void bound(int length, Path file, XmlElement element) throws ProjectEvaluationException {
            if (length > MAX_VALUE_LENGTH) {
                throw new ProjectEvaluationException(
                        file,
                        "line " + element.line() + ": <" + element.name() + "> expands to more than " + MAX_VALUE_LENGTH
                                + " characters (a property defined in terms of itself, repeatedly?)");
            }
        }

        private String expandMetadata(String text, Map<String, String> metadata, Reads reads) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                int start = text.indexOf("%(", i);
                if (start < 0) {
                    out.append(text, i, text.length());
                    break;
                }
                out.append(text, i, start);
                int end = text.indexOf(')', start + 2);
                if (end < 0) {
                    out.append(text, start, text.length());
                    break;
                }
                String inner = text.substring(start + 2, end).trim();
                int dot = inner.indexOf('.');
                String type = dot < 0 ? "Link" : inner.substring(0, dot).trim();
                String name = dot < 0 ? inner : inner.substring(dot + 1).trim();
                if (type.equalsIgnoreCase("Link") && NAME.matcher(name).matches()) {
                    out.append(metadata.entrySet().stream()
                            .filter(e -> e.getKey().equalsIgnoreCase(name))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElse(""));
                } else {
                    reads.taints.add("%(" + abbreviate(inner) + ") is metadata of another item type, not evaluated");
                }
                i = end + 1;
            }
            return out.toString();
        }

        private String lookup(String name, Reads reads) {
            String global = globals.get(name);
            if (global != null) {
                return global;
            }
            String reserved = reserved(name);
            if (reserved != null) {
                return reserved;
            }
            List<String> taints = tainted.get(name);
            if (taints != null) {
                reads.taints.addAll(taints);
            }
            Property property = properties.get(name);
            if (property != null) {
                reads.undefined.addAll(property.undefined());
                reads.taints.addAll(property.taints());
                reads.used.add("$(" + name + ") from " + property.origin());
                return property.value();
            }
            String env = environment.get(name);
            if (env != null) {
                reads.used.add("$(" + name + ") from the environment");
                return env;
            }
            if (taints == null) {
                reads.undefined.add(name);
            }
            return "";
        }

        private boolean defined(String name) {
            return globals.containsKey(name) || properties.containsKey(name) || environment.containsKey(name);
        }

        private String valueOf(String name) {
            Reads ignored = new Reads();
            return lookup(name, ignored);
        }

        /** MSBuild's reserved properties that depend on the file being evaluated and the project. */
        private String reserved(String name) {
            Path file = currentFile == null ? project : currentFile;
            String fileName = file.getFileName().toString();
            int dot = fileName.lastIndexOf('.');
            String projectName = project.getFileName().toString();
            int projectDot = projectName.lastIndexOf('.');
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "msbuildthisfiledirectory" -> withSlash(file.getParent());
                case "msbuildthisfile" -> fileName;
                case "msbuildthisfilename" -> dot < 0 ? fileName : fileName.substring(0, dot);
                case "msbuildthisfileextension" -> dot < 0 ? "" : fileName.substring(dot);
                case "msbuildthisfilefullpath" -> file.toString();
                case "msbuildprojectdirectory" -> project.getParent().toString();
                case "msbuildprojectfile" -> projectName;
                case "msbuildprojectname" -> projectDot < 0 ? projectName : projectName.substring(0, projectDot);
                case "msbuildprojectextension" -> projectDot < 0 ? "" : projectName.substring(projectDot);
                case "msbuildprojectfullpath" -> project.toString();
                default -> null;
            };
        }

        private void taint(String name, String reason) {
            tainted.computeIfAbsent(name, k -> new ArrayList<>()).add(reason);
        }

        private void note(XmlElement element, String construct, String reason, boolean affectsLink) {
            notEvaluated.add(new NotEvaluated(currentFile, element.line(), construct, reason, affectsLink));
        }

        private String where(Path file, XmlElement element) {
            return file.getFileName() + ":" + element.line();
        }
    }

    /** Carries a bound violation out of the condition's expander lambda. */
    private static final class UncheckedEvaluationException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ProjectEvaluationException cause;

        UncheckedEvaluationException(ProjectEvaluationException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }
    }

    private static boolean mentionsLink(XmlElement root) {
        Deque<XmlElement> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            XmlElement e = todo.pop();
            if (e != root && (e.name().equals("Link") || e.name().equals("ItemDefinitionGroup"))) {
                return true;
            }
            e.children().forEach(todo::push);
        }
        return false;
    }

    /** The index of the {@code )} that closes a {@code $(} whose content starts at {@code from}, or -1. */
    private static int closing(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** MSBuild's {@code %XX} escapes, as MSBuild undoes them where a value is used as a path. */
    static String unescape(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%'
                    && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                sb.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String withSlash(Path dir) {
        String s = Objects.requireNonNull(dir, "dir").toString();
        return s.endsWith("/") || s.endsWith("\\") ? s : s + java.io.File.separator;
    }

    private static String dollars(Set<String> names) {
        return String.join(", ", names.stream().map(n -> "$(" + n + ")").toList());
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
