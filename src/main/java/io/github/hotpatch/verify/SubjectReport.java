package io.github.hotpatch.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every rule's verdict on one subject: a build variant (generated project) or one binary.
 *
 * <p>Immutable: the results and the facts are copied on construction, so a report handed to the
 * writers cannot change under them. Fact order is kept (the JSON report writes facts in this order).
 *
 * @param name    subject name, e.g. {@code arm64_schannel} or {@code msquic.dll}
 * @param kind    {@link Kind#VARIANT}, {@link Kind#BINARY} or {@link Kind#VCXPROJ}
 * @param arch    target architecture, e.g. {@code arm64}; {@code null} when it could not be determined
 * @param results the rules' verdicts, in evaluation order
 * @param facts   extra evidence (machine, linker, pdb, ...): nested maps, lists, strings, numbers,
 *                booleans or {@code null}; order preserved
 */
public record SubjectReport(String name, Kind kind, String arch, List<RuleResult> results, Map<String, Object> facts) {

    /** What a report is about; {@link #id()} is the name the reports write. */
    public enum Kind {
        /** A build variant: its generated project and, when built, its binaries. */
        VARIANT("variant"),
        /** One binary (DLL/EXE) and its PDB. */
        BINARY("binary"),
        /** A hand-written MSBuild project, judged per configuration from its evaluation. */
        VCXPROJ("vcxproj");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** {@code variant}, {@code binary} or {@code vcxproj}, as the JSON and SARIF reports write it. */
        public String id() {
            return id;
        }

        /** The kind named {@code id}; an {@link IllegalArgumentException} naming the valid values otherwise. */
        public static Kind parse(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("kind must be \"variant\", \"binary\" or \"vcxproj\": " + id);
        }

        @Override
        public String toString() {
            return id;
        }
    }

    public static final Kind KIND_VARIANT = Kind.VARIANT;
    public static final Kind KIND_BINARY = Kind.BINARY;
    public static final Kind KIND_VCXPROJ = Kind.VCXPROJ;

    public SubjectReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        results = List.copyOf(Objects.requireNonNull(results, "results"));
        facts = facts == null ? Map.of() : copyMap(facts);
    }

    /** A report whose kind is given by its {@linkplain Kind#id() id}, {@code variant} or {@code binary}. */
    public SubjectReport(String name, String kind, String arch, List<RuleResult> results, Map<String, Object> facts) {
        this(name, Kind.parse(Objects.requireNonNull(kind, "kind")), arch, results, facts);
    }

    /** True when no rule failed; deviations and not-applicable rules do not break readiness. */
    public boolean passed() {
        return violations().isEmpty();
    }

    /** The results that break readiness (failed rules), in evaluation order; deviations are not violations. */
    public List<RuleResult> violations() {
        return results.stream().filter(r -> r.status().isViolation()).toList();
    }

    // Map.copyOf/List.copyOf reject nulls and lose order, and facts need both, so copy by hand, deeply.
    private static Map<String, Object> copyMap(Map<?, ?> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((key, value) -> copy.put(String.valueOf(key), copyValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static List<Object> copyList(List<?> source) {
        List<Object> copy = new ArrayList<>(source.size());
        source.forEach(value -> copy.add(copyValue(value)));
        return Collections.unmodifiableList(copy);
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copyMap(map);
        }
        if (value instanceof List<?> list) {
            return copyList(list);
        }
        return value;
    }
}
