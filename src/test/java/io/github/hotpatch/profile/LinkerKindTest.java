package io.github.hotpatch.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkerKindTest {

    @Test
    void parsesTheLinkerParameter() {
        assertEquals(Optional.empty(), LinkerKind.parseChoice("auto"));
        assertEquals(Optional.empty(), LinkerKind.parseChoice(""));
        assertEquals(Optional.empty(), LinkerKind.parseChoice(null));
        assertEquals(Optional.of(LinkerKind.MSVC), LinkerKind.parseChoice("MSVC"));
        assertEquals(Optional.of(LinkerKind.MSVC), LinkerKind.parseChoice("link"));
        assertEquals(Optional.of(LinkerKind.LLD), LinkerKind.parseChoice(" lld "));
        assertEquals(Optional.of(LinkerKind.LLD), LinkerKind.parseChoice("lld-link"));
        assertEquals("lld", LinkerKind.LLD.parameterValue());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinkerKind.parseChoice("gold"));
        assertEquals("unknown linker 'gold': expected auto, msvc or lld", e.getMessage());
    }
}
