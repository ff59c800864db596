package io.github.hotpatch.cmake;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.profile.Arch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildVariantTest {

    @Test
    void defaultsAreMsquicsTwoArm64Variants() {
        List<BuildVariant> v = BuildVariant.msquicDefaults();
        assertEquals("arm64_schannel", v.get(0).name());
        assertEquals(Map.of("QUIC_TLS_LIB", "schannel"), v.get(0).cacheEntries());
        assertEquals("arm64_openssl", v.get(1).name());
        assertEquals(Map.of("QUIC_TLS_LIB", "openssl"), v.get(1).cacheEntries());
        assertTrue(v.stream().allMatch(b -> b.arch() == Arch.ARM64));
    }

    @Test
    void namesThatWouldLeaveTheBuildDirectoryAreRejected() {
        for (String bad : List.of("../x", "..", "a/b", "a\\b", "/abs", "", ".hidden", "a..b", "x y", "C:x")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> new BuildVariant(bad, Arch.ARM64, Map.of()), bad);
            assertTrue(e.getMessage().contains("invalid variant name '" + bad + "'"), e.getMessage());
        }
        assertDoesNotThrow(() -> new BuildVariant("x64_openssl-3.0+dbg", Arch.X64, Map.of()));
    }

    @Test
    void cacheEntryNamesAreChecked() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new BuildVariant("v", Arch.ARM64, Map.of("BAD NAME", "x")));
        assertTrue(e.getMessage().contains("'BAD NAME'"), e.getMessage());
        assertDoesNotThrow(() -> new BuildVariant("v", Arch.ARM64, Map.of("QUIC_TLS_LIB:STRING", "openssl")));
    }

    @Test
    void archAcceptsTheSpellingsOfBuildPs1AndVisualStudio() {
        assertEquals(Arch.ARM64, Arch.parse("arm64"));
        assertEquals(Arch.X64, Arch.parse("x64"));
        assertEquals(Arch.X64, Arch.parse("AMD64"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arch.parse("arm"));
        assertTrue(e.getMessage().contains("expected ARM64 or x64"));
    }
}
