package io.github.hotpatch.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hotpatchFlags entries as the mojo hands them over: an empty one is one line naming its position. */
class ConfigureRequestTest {

    private static ConfigureRequest request(List<String> flags) {
        return new ConfigureRequest(
                Path.of("src"),
                Path.of("build"),
                BuildVariant.msquicDefaults(),
                Map.of(),
                "auto",
                Optional.empty(),
                Optional.empty(),
                true,
                flags,
                "cmake",
                Optional.empty());
    }

    @Test
    void aNullEntryNamesItsOneBasedPosition() {
        // -Dhotpatch.hotpatchFlags=/hotpatchcompatible,,/profile
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> request(Arrays.asList("/hotpatchcompatible", null, "/profile")));
        assertEquals(
                "hotpatchFlags entry 2 of 3 is empty: give one linker switch per entry"
                        + " (-Dhotpatch.hotpatchFlags=/a,/b or <hotpatchFlag>/a</hotpatchFlag>), no empty ones",
                e.getMessage());
    }

    @Test
    void anEmptyOrBlankEntryToo() {
        assertEquals(
                "hotpatchFlags entry 1 of 2",
                assertThrows(IllegalArgumentException.class, () -> request(List.of("", "/profile")))
                        .getMessage()
                        .substring(0, 26));
        assertEquals(
                "hotpatchFlags entry 3 of 3",
                assertThrows(IllegalArgumentException.class, () -> request(List.of("/a", "/b", "  ")))
                        .getMessage()
                        .substring(0, 26));
    }

    @Test
    void goodEntriesAreKeptInOrder() {
        assertEquals(
                List.of("/profile", "/map"),
                request(List.of("/profile", "/map")).hotpatchFlags());
    }
}
