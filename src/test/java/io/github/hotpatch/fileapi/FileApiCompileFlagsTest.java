package io.github.hotpatch.fileapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** /Zi found in the compile groups CMake wrote, per configuration (CMP0141 OLD: CMake's own defaults). */
class FileApiCompileFlagsTest {

    @Test
    void cmakesOwnDefaultsPutZiInDebugAndRelWithDebInfoOnly() throws Exception {
        FileApiReply reply = FileApiReplyReader.read(FileApiTestProject.configured());
        List<FileApiCompileFlags.Finding> zi = FileApiCompileFlags.find(reply, t -> t.equals("/Zi"));
        Set<String> configurations =
                zi.stream().map(FileApiCompileFlags.Finding::configuration).collect(Collectors.toSet());
        assertEquals(Set.of("Debug", "RelWithDebInfo"), configurations, zi.toString());
        // every C target of those configurations: helper, msquic, outside
        assertEquals(
                Set.of("helper", "msquic", "outside"),
                zi.stream().map(FileApiCompileFlags.Finding::target).collect(Collectors.toSet()));
        assertTrue(
                zi.stream().allMatch(f -> f.language().equals("C") && f.flags().contains("/Zi")), zi.toString());
        assertFalse(FileApiCompileFlags.find(reply, t -> t.equals("/Z7")).stream()
                .anyMatch(f -> f.configuration().equals("Release")));
    }
}
