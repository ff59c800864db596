package io.github.hotpatch.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** dependency:get's coordinate form, and which resolved artifacts the fan-in inspects and how. */
class ArtifactCoordinateTest {

    @Test
    void parsesEveryLength() {
        ArtifactCoordinate full = ArtifactCoordinate.parse(" com.example:msquic-hotpatch:1.0.0:zip:arm64-schannel ");
        assertEquals(
                new ArtifactCoordinate("com.example", "msquic-hotpatch", "1.0.0", "zip", Optional.of("arm64-schannel")),
                full);
        assertEquals("com.example:msquic-hotpatch:1.0.0:zip:arm64-schannel", full.toString());
        assertEquals(
                "com.example:a:1:dll",
                ArtifactCoordinate.parse("com.example:a:1:dll").toString());
        assertEquals(
                "com.example:a:1:zip",
                ArtifactCoordinate.parse("com.example:a:1").toString(),
                "the extension defaults to zip");
    }

    @Test
    void badCoordinatesNameTheTextAndTheForm() {
        IllegalArgumentException tooShort =
                assertThrows(IllegalArgumentException.class, () -> ArtifactCoordinate.parse("com.example:a"));
        assertTrue(
                tooShort.getMessage().contains("'com.example:a'")
                        && tooShort.getMessage().contains("groupId:artifactId:version[:extension[:classifier]]"),
                tooShort.getMessage());
        IllegalArgumentException emptyVersion =
                assertThrows(IllegalArgumentException.class, () -> ArtifactCoordinate.parse("g:a::zip"));
        assertTrue(emptyVersion.getMessage().contains("version is empty"), emptyVersion.getMessage());
        IllegalArgumentException slash =
                assertThrows(IllegalArgumentException.class, () -> ArtifactCoordinate.parse("g:a:1:zip:../x"));
        assertTrue(slash.getMessage().contains("classifier '../x'"), slash.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ArtifactCoordinate.parse("g:a:1:zip:c:extra"));
    }

    @Test
    void listsSplitOnCommasKeepOrderAndDropDuplicates() {
        List<ArtifactCoordinate> list = ArtifactCoordinate.parseAll(
                List.of("g:a:1:zip:arm64-openssl,g:a:1:zip:arm64-schannel", "g:a:1:zip:arm64-openssl"));
        assertEquals(
                List.of("g:a:1:zip:arm64-openssl", "g:a:1:zip:arm64-schannel"),
                list.stream().map(ArtifactCoordinate::toString).toList());
        IllegalArgumentException empty = assertThrows(
                IllegalArgumentException.class, () -> ArtifactCoordinate.parseAll(List.of("g:a:1,,g:b:1")));
        assertTrue(empty.getMessage().contains("entry 2 is empty"), empty.getMessage());
    }

    @Test
    void fanInPairsEachDllWithItsPdbAndLeavesImportLibrariesOut() {
        Map<ArtifactCoordinate, Path> resolved = new LinkedHashMap<>();
        resolved.put(ArtifactCoordinate.parse("g:a:1:zip:arm64-openssl"), Path.of("/repo/a-1-arm64-openssl.zip"));
        resolved.put(ArtifactCoordinate.parse("g:a:1:pdb:arm64-schannel"), Path.of("/repo/a-1-arm64-schannel.pdb"));
        resolved.put(ArtifactCoordinate.parse("g:a:1:dll:arm64-schannel"), Path.of("/repo/a-1-arm64-schannel.dll"));
        resolved.put(ArtifactCoordinate.parse("g:a:1:lib:arm64-schannel"), Path.of("/repo/a-1-arm64-schannel.lib"));
        FanInInputs.Plan plan = FanInInputs.of(resolved);
        assertEquals(2, plan.inputs().size());
        assertEquals("g:a:1:zip:arm64-openssl", plan.inputs().get(0).origin());
        assertEquals(Optional.empty(), plan.inputs().get(0).pdb());
        assertEquals("g:a:1:dll:arm64-schannel", plan.inputs().get(1).origin());
        assertEquals(
                Path.of("/repo/a-1-arm64-schannel.dll"), plan.inputs().get(1).file());
        assertEquals(
                Optional.of(Path.of("/repo/a-1-arm64-schannel.pdb")),
                plan.inputs().get(1).pdb());
        assertEquals(List.of(ArtifactCoordinate.parse("g:a:1:lib:arm64-schannel")), plan.notInspected());
    }

    @Test
    void aPdbWithoutItsImageIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> FanInInputs.of(Map.of(ArtifactCoordinate.parse("g:a:1:pdb:x64"), Path.of("/repo/a.pdb"))));
        assertTrue(
                e.getMessage().contains("g:a:1:pdb:x64") && e.getMessage().contains("g:a:1:dll:x64"), e.getMessage());
        IllegalArgumentException libs = assertThrows(
                IllegalArgumentException.class,
                () -> FanInInputs.of(Map.of(ArtifactCoordinate.parse("g:a:1:lib:x64"), Path.of("/repo/a.lib"))));
        assertTrue(libs.getMessage().contains("no image to inspect"), libs.getMessage());
    }
}
