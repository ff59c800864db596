package io.github.hotpatch.vcxproj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkFlagTableTest {

    @Test
    void lookupIgnoresCaseAndPrefix() {
        assertEquals(Optional.of(new MappedLinkSetting("Profile", "true", false)), LinkFlagTable.lookup("/profile"));
        assertEquals(
                Optional.of(new MappedLinkSetting("LinkIncremental", "false", true)),
                LinkFlagTable.lookup("-incremental:no"));
        assertEquals(Optional.empty(), LinkFlagTable.lookup("/hotpatchcompatible"));
        assertEquals(Optional.empty(), LinkFlagTable.lookup("/pdbinject:mapfile"));
    }

    /** Every entry must say what the v143_Link.json shipped with the installed CMake says (FACTS §3). */
    @Test
    void entriesMatchCMakesOwnFlagTable(@TempDir Path dir) throws Exception {
        Optional<Path> table = cmakeRoot(dir).map(root -> root.resolve("Templates/MSBuild/FlagTables/v143_Link.json"));
        assumeTrue(
                table.isPresent() && Files.isRegularFile(table.get()), "cmake with its flag tables is not installed");
        JsonNode entries = new ObjectMapper().readTree(table.get().toFile());
        for (Map.Entry<String, MappedLinkSetting> ours : LinkFlagTable.entries().entrySet()) {
            JsonNode theirs = find(entries, ours.getKey());
            assertTrue(theirs != null, "no switch " + ours.getKey() + " in " + table.get());
            assertEquals(theirs.get("name").asText(), ours.getValue().element(), ours.getKey());
            assertEquals(theirs.get("value").asText(), ours.getValue().value(), ours.getKey());
            assertEquals(
                    ours.getValue().element().equals("LinkIncremental"),
                    ours.getValue().inPropertyGroup());
        }
        // the fact the whole package rests on: these switch names are matched case-sensitively
        for (String sw : new String[] {"PROFILE", "INCREMENTAL:NO", "FUNCTIONPADMIN:6", "OPT:ICF"}) {
            assertFalse(find(entries, sw).get("flags").toString().contains("CaseInsensitive"), sw);
        }
    }

    private static JsonNode find(JsonNode entries, String sw) {
        for (JsonNode e : entries) {
            if (e.get("switch").asText().equals(sw)) {
                return e;
            }
        }
        return null;
    }

    private static Optional<Path> cmakeRoot(Path dir) throws IOException, InterruptedException {
        Path script = dir.resolve("root.cmake");
        Files.writeString(script, "message(\"${CMAKE_ROOT}\")\n");
        Process p;
        try {
            p = new ProcessBuilder("cmake", "-P", script.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException notInstalled) {
            return Optional.empty();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(Path.of(out)) : Optional.empty();
    }
}
