package io.github.hotpatch.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubjectReportTest {

    private static RuleResult result(RuleStatus status) {
        return new RuleResult("R-" + status, "t", status, "m", null);
    }

    @Test
    void passedMeansNoFail() {
        assertTrue(subject(List.of()).passed());
        assertTrue(subject(List.of(
                        result(RuleStatus.PASS), result(RuleStatus.NOT_APPLICABLE), result(RuleStatus.DEVIATION)))
                .passed());
        assertFalse(subject(List.of(result(RuleStatus.PASS), result(RuleStatus.FAIL)))
                .passed());
    }

    @Test
    void violationsAreTheFailedResultsInOrder() {
        RuleResult first = result(RuleStatus.FAIL);
        RuleResult second = result(RuleStatus.FAIL);
        SubjectReport report = subject(List.of(
                result(RuleStatus.PASS),
                first,
                result(RuleStatus.DEVIATION),
                result(RuleStatus.NOT_APPLICABLE),
                second));
        assertEquals(List.of(first, second), report.violations());
        assertEquals(List.of(), subject(List.of(result(RuleStatus.DEVIATION))).violations());
    }

    @Test
    void kindIsParsedFromItsReportName() {
        assertEquals(SubjectReport.Kind.VARIANT, SubjectReport.Kind.parse("variant"));
        assertEquals(SubjectReport.Kind.BINARY, SubjectReport.Kind.parse("binary"));
        assertEquals("binary", SubjectReport.Kind.BINARY.id());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SubjectReport.Kind.parse("Variant"));
        assertTrue(e.getMessage().contains("\"variant\", \"binary\" or \"vcxproj\""), e.getMessage());
    }

    @Test
    void copiesResultsAndFactsDeeplyKeepingOrderAndNulls() {
        List<RuleResult> results = new ArrayList<>(List.of(result(RuleStatus.PASS)));
        List<Object> nested = new ArrayList<>();
        nested.add(null);
        nested.add(new LinkedHashMap<>(Map.of("k", "v")));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("z", 1);
        facts.put("a", null);
        facts.put("m", nested);

        SubjectReport report = new SubjectReport("s", SubjectReport.KIND_BINARY, null, results, facts);
        results.clear();
        facts.put("late", true);
        nested.add("late");

        assertEquals(1, report.results().size());
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(report.facts().keySet()));
        assertNull(report.facts().get("a"));
        assertEquals(2, ((List<?>) report.facts().get("m")).size());
        assertThrows(UnsupportedOperationException.class, () -> report.facts().put("x", 1));
        assertThrows(
                UnsupportedOperationException.class,
                () -> ((List<?>) report.facts().get("m")).clear());
        assertThrows(UnsupportedOperationException.class, () -> report.results().clear());
        assertThrows(
                UnsupportedOperationException.class,
                () -> ((Map<?, ?>) ((List<?>) report.facts().get("m")).get(1)).clear());
    }

    @Test
    void validatesItsParts() {
        assertEquals(Map.of(), new SubjectReport("s", "variant", "x64", List.of(), null).facts());
        assertThrows(IllegalArgumentException.class, () -> new SubjectReport("s", "dll", "x64", List.of(), null));
        assertThrows(NullPointerException.class, () -> new SubjectReport(null, "variant", "x64", List.of(), null));
        assertThrows(NullPointerException.class, () -> new SubjectReport("s", "variant", "x64", null, null));
    }

    private static SubjectReport subject(List<RuleResult> results) {
        return new SubjectReport("s", SubjectReport.KIND_VARIANT, "arm64", results, Map.of());
    }
}
