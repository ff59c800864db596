package io.github.hotpatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.hotpatch.verify.Inspector;
import io.github.hotpatch.verify.UnreadableSubject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines both inspect doors print, apart from the table (ConsoleTableTest) and the JSON (JsonReportTest). */
class InspectOutputTest {

    @Test
    void oneLine_joinsLinesWithOneSpace() {
        assertEquals("a b", InspectOutput.oneLine("a\nb"));
        assertEquals("a b", InspectOutput.oneLine("a  \r\n   b"));
        assertEquals("a b c", InspectOutput.oneLine("a\n\n b\u2028c"));
        assertEquals("cut ", InspectOutput.oneLine("cut\n"));
        assertEquals("", InspectOutput.oneLine(null));
    }

    @Test
    void oneLine_leavesAMessageWithoutBreaksAsItIs() {
        String message = "x.dll: e_magic at offset 0x0 is 0x3F3C;  expected \"MZ\"";
        assertSame(message, InspectOutput.oneLine(message));
    }

    @Test
    void unreadable_oneLineEach_andTheSummaryNamesTheFirst() {
        Inspector.Result result = new Inspector.Result(
                false,
                List.of(),
                List.of(
                        new UnreadableSubject("a.zip!/bin/x.dll", "x.dll: cut off\nat 0x40"),
                        new UnreadableSubject("/tmp/y.dll", "y.dll: not a PE image")));
        assertEquals(
                List.of(
                        "unreadable: a.zip!/bin/x.dll: x.dll: cut off at 0x40",
                        "unreadable: /tmp/y.dll: y.dll: not a PE image"),
                InspectOutput.unreadable(result));
        assertEquals(
                "2 file(s) could not be read, first: a.zip!/bin/x.dll: x.dll: cut off at 0x40",
                InspectOutput.unreadableSummary(result));
        assertNull(InspectOutput.unreadableSummary(new Inspector.Result(false, List.of(), List.of())));
    }
}
