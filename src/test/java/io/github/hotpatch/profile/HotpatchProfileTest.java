package io.github.hotpatch.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HotpatchProfileTest {

    @Test
    void msvcArm64IsTheSeedsFourFlagsWithoutDeviation() {
        HotpatchProfile p = HotpatchProfile.of(Arch.ARM64, LinkerKind.MSVC);
        assertEquals(List.of("/hotpatchcompatible", "/profile", "/incremental:no", "/pdbinject:mapfile"), p.flags());
        assertTrue(p.deviation().isEmpty());
    }

    @Test
    void x64UsesFunctionPaddingInsteadOfPdbInjection() {
        for (LinkerKind linker : LinkerKind.values()) {
            HotpatchProfile p = HotpatchProfile.of(Arch.X64, linker);
            assertEquals(List.of("/hotpatchcompatible", "/profile", "/incremental:no", "/FUNCTIONPADMIN:6"), p.flags());
            assertFalse(p.contains("/pdbinject:mapfile"));
        }
    }

    @Test
    void lldArm64IsADocumentedDeviation() {
        HotpatchProfile p = HotpatchProfile.of(Arch.ARM64, LinkerKind.LLD);
        assertEquals(
                List.of("/hotpatchcompatible", "/profile", "/incremental:no", "/functionpadmin:8", "/map"), p.flags());
        assertTrue(p.deviation().orElseThrow().contains("/pdbinject:mapfile"));
        assertFalse(p.contains("/pdbinject:mapfile"));
    }

    @Test
    void flagComparisonIsCaseInsensitiveLikeTheLinker() {
        assertTrue(HotpatchProfile.of(Arch.ARM64, LinkerKind.MSVC).contains("/PROFILE"));
        assertTrue(HotpatchProfile.of(Arch.X64, LinkerKind.MSVC).contains("/functionpadmin:6"));
    }

    @Test
    void userFlagsReplaceTheProfileAndAreReportedAsAnOverride() {
        HotpatchProfile p = HotpatchProfile.of(Arch.ARM64, LinkerKind.MSVC).withFlags(List.of("/profile"));
        assertEquals(List.of("/profile"), p.flags());
        assertTrue(p.deviation().orElseThrow().contains("overrides"));
    }

    @Test
    void flagsThatCannotBeOneTokenAreRejected() {
        for (String bad : List.of("", "/a b", "/a;b", "/a\"b", "/a\tb")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> HotpatchProfile.of(Arch.ARM64, LinkerKind.MSVC).withFlags(List.of(bad)));
            assertTrue(e.getMessage().contains("flag"), e.getMessage());
        }
    }
}
