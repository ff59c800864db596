package io.github.hotpatch.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.RecordingLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Windows command-line rules as plain functions, on this (non-Windows) machine: {@link WindowsCommandLine}'s
 * quoting against an independent parser of the documented C runtime rules, and the JDK's documented join (read from
 * {@code java.lang.ProcessImpl} for Windows) applied to what the runner hands it. No Windows process runs here.
 */
class WindowsCommandLineRulesTest {
    @TempDir
    Path dir;

    private static final String CMAKE = "C:\\Program Files\\CMake\\bin\\cmake.exe";

    static final List<String> HOSTILE = List.of(
            "",
            " ",
            "plain",
            "a b",
            "\t",
            "\"",
            "\"\"",
            "\"quoted\"",
            "say \"hi\"",
            "\\",
            "\\\\",
            "C:\\dir\\",
            "C:\\dir with space\\",
            "C:\\dir\\\\",
            "a\\\"b",
            "a\\\\\"b",
            "\\\"",
            "trailing\\\\\\",
            "%PATH%",
            "100%",
            "^",
            "a^b",
            "a&b",
            "a & b",
            "x|y",
            "<in",
            ">out",
            "!v!",
            "(paren)",
            "-DCMAKE_C_FLAGS=/DNAME=\\\"v\\\" /W4",
            "-DQUIC_VER=\"1.2 \\\"beta\\\"\"",
            "$(touch pwned) `x` 'y'",
            "ünïcödé ✓");

    /** The examples published with the rules ("Parsing C command-line arguments"). */
    @Test
    void theIndependentParserGivesThePublishedResults() {
        assertEquals(List.of("p", "a b c", "d", "e"), CrtCommandLineParser.parse("p \"a b c\" d e"));
        assertEquals(List.of("p", "ab\"c", "\\", "d"), CrtCommandLineParser.parse("p \"ab\\\"c\" \"\\\\\" d"));
        assertEquals(List.of("p", "a\\\\\\b", "de fg", "h"), CrtCommandLineParser.parse("p a\\\\\\b d\"e f\"g h"));
        assertEquals(List.of("p", "a\\\"b", "c", "d"), CrtCommandLineParser.parse("p a\\\\\\\"b c d"));
        assertEquals(List.of("p", "a\\\\b c", "d", "e"), CrtCommandLineParser.parse("p a\\\\\\\\\"b c\" d e"));
        assertEquals(List.of("p", "ab\" c d"), CrtCommandLineParser.parse("p a\"b\"\" c d"));
        assertEquals(
                List.of("C:\\Program Files\\x.exe", "1"), CrtCommandLineParser.parse("\"C:\\Program Files\\x.exe\" 1"));
    }

    @Test
    void everyHostileValueRoundTripsExactly() {
        List<String> command = new ArrayList<>(List.of(CMAKE));
        command.addAll(HOSTILE);
        assertEquals(command, CrtCommandLineParser.parse(WindowsCommandLine.join(command)));
        for (String value : HOSTILE) {
            assertEquals(
                    List.of("cmake.exe", value),
                    CrtCommandLineParser.parse(WindowsCommandLine.join(List.of("cmake.exe", value))),
                    value);
        }
    }

    @Test
    void randomValuesOfTheHardCharactersRoundTripExactly() {
        char[] alphabet = {'"', '\\', ' ', '\t', 'a', '%', '^', '&', '|', '<', '>', '!', '\'', 'é'};
        Random random = new Random(11);
        for (int round = 0; round < 5000; round++) {
            List<String> command = new ArrayList<>(List.of(CMAKE));
            for (int a = random.nextInt(4); a >= 0; a--) {
                StringBuilder sb = new StringBuilder();
                for (int k = random.nextInt(9); k > 0; k--) {
                    sb.append(alphabet[random.nextInt(alphabet.length)]);
                }
                command.add(sb.toString());
            }
            assertEquals(command, CrtCommandLineParser.parse(WindowsCommandLine.join(command)), command.toString());
        }
    }

    @Test
    void theQuotingFollowsTheBackslashRules() {
        assertEquals("\"\"", WindowsCommandLine.quote(""));
        assertEquals("\"a b\"", WindowsCommandLine.quote("a b"));
        assertEquals(
                "\"C:\\dir\\\\\"", WindowsCommandLine.quote("C:\\dir\\"), "2n backslashes before the closing quote");
        assertEquals("\"a\\\"b\"", WindowsCommandLine.quote("a\"b"), "a quote gets one backslash");
        assertEquals("\"a\\\\\\\"b\"", WindowsCommandLine.quote("a\\\"b"), "2n+1 backslashes before a literal quote");
        assertEquals("\"a\\b\"", WindowsCommandLine.quote("a\\b"), "a backslash not before a quote stays single");
    }

    /**
     * The JDK's legacy (default) join, as {@code ProcessImpl.createCommandLine(VERIFICATION_LEGACY, …)} does it: the
     * executable in quotes when it holds a space or tab; an argument that begins and ends with a quote unchanged; an
     * empty one or one with a space or tab in quotes, its trailing backslashes doubled, embedded quotes untouched.
     */
    static String jdkLegacyJoin(List<String> cmd) {
        String exe = cmd.get(0);
        StringBuilder sb = new StringBuilder(needsLegacyQuotes(exe) ? '"' + exe + '"' : exe);
        for (String s : cmd.subList(1, cmd.size())) {
            sb.append(' ');
            boolean alreadyQuoted = s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"");
            if (!alreadyQuoted && needsLegacyQuotes(s)) {
                int trailing = 0;
                while (trailing < s.length() && s.charAt(s.length() - 1 - trailing) == '\\') {
                    trailing++;
                }
                sb.append('"').append(s).append("\\".repeat(trailing)).append('"');
            } else {
                sb.append(s);
            }
        }
        return sb.toString();
    }

    private static boolean needsLegacyQuotes(String s) {
        return s.isEmpty() || s.indexOf(' ') >= 0 || s.indexOf('\t') >= 0;
    }

    @Test
    void theJdkJoinOfThePreQuotedArgumentsIsExactlyOurCommandLine() {
        List<String> command = new ArrayList<>(List.of(CMAKE));
        command.addAll(HOSTILE);
        List<String> handed = WindowsCommandLine.forProcessBuilder(command);
        assertEquals(CMAKE, handed.get(0), "the program path is handed over as it is");
        assertEquals(WindowsCommandLine.join(command), jdkLegacyJoin(handed));
        assertEquals(command, CrtCommandLineParser.parse(jdkLegacyJoin(handed)));
    }

    @Test
    void theJdkJoinOfTheRawArgumentsLosesQuotes_theDefectThisFixes() {
        List<String> command = List.of(CMAKE, "-DVER=\"1.2 beta\"", "say \"hi\"");
        assertNotEquals(command, CrtCommandLineParser.parse(jdkLegacyJoin(command)));
    }

    @Test
    void valuesCmdExeWouldChangeAreRefusedForBatchFilesNamingTheArgument() {
        for (String bad : List.of("%PATH%", "100%", "a\"b", "!v!", "line\nbreak", "cr\r")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> WindowsCommandLine.join(List.of("C:\\tools\\cmake.cmd", "-S", "-DX=" + bad)));
            assertTrue(
                    e.getMessage()
                            .startsWith("argument 2 (-DX=" + bad + ") cannot be passed to the batch file"
                                    + " C:\\tools\\cmake.cmd: it holds "),
                    e.getMessage());
        }
        // The same values are fine for an .exe, and everything else is fine for a batch file too.
        assertEquals(
                List.of("cmake.exe", "%PATH%", "a\"b"),
                CrtCommandLineParser.parse(WindowsCommandLine.join(List.of("cmake.exe", "%PATH%", "a\"b"))));
        for (String value : HOSTILE) {
            if (WindowsCommandLine.whyNotForBatchFile(value) == null) {
                List<String> command = List.of("run.BAT", value, "x");
                assertEquals(command, CrtCommandLineParser.parse(WindowsCommandLine.join(command)), value);
            }
        }
        assertNull(WindowsCommandLine.whyNotForBatchFile("a & b | c < d > e ^ (f)"));
        assertTrue(WindowsCommandLine.isBatchFile("X.Cmd") && !WindowsCommandLine.isBatchFile("cmake.exe"));
    }

    @Test
    void theNonDefaultJdkModesAreNamed() {
        assertNull(WindowsCommandLine.whyJdkWouldRequote(null, false));
        assertNull(WindowsCommandLine.whyJdkWouldRequote("true", false));
        assertTrue(WindowsCommandLine.whyJdkWouldRequote("FALSE", false).contains("allowAmbiguousCommands=false"));
        assertTrue(WindowsCommandLine.whyJdkWouldRequote(null, true).contains("security manager"));
    }

    @Test
    void theRunnerReportsARefusedValueAsAToolErrorNotAStackTrace() {
        ToolRunner runner = ToolRunner.withWindowsCommandLines();
        ToolException e = assertThrows(
                ToolException.class,
                () -> runner.runChecked(
                        ToolRun.of("arm64_schannel", dir, List.of("C:\\tools\\cmake.cmd", "-DQUIC_X=%TEMP%")),
                        new RecordingLog().prefixed("arm64_schannel")));
        assertTrue(
                e.getMessage()
                        .startsWith("[arm64_schannel] cannot start C:\\tools\\cmake.cmd: argument 1 (-DQUIC_X=%TEMP%)"
                                + " cannot be passed to the batch file"),
                e.getMessage());
    }
}
