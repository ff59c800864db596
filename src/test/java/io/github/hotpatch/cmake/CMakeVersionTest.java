package io.github.hotpatch.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CMakeVersionTest {

    private static CMakeVersion parse(String... lines) {
        return CMakeVersion.parse(List.of(lines)).orElseThrow();
    }

    @Test
    void readsTheVersionLineAsCmakePrintsIt() {
        CMakeVersion v = parse(
                "cmake version 3.25.1", "", "CMake suite maintained and supported by Kitware (kitware.com/cmake).");
        assertEquals(new CMakeVersion(3, 25, 1, "3.25.1"), v);
        assertEquals("3.25.1", v.toString());
        assertEquals(new CMakeVersion(3, 17, 5, "3.17.5"), parse("cmake3 version 3.17.5"), "EPEL's cmake3");
        assertEquals(new CMakeVersion(3, 31, 0, "3.31.0-rc2"), parse("cmake version 3.31.0-rc2"));
        assertEquals(
                new CMakeVersion(3, 28, 20240101, "3.28.20240101-g1234abc"),
                parse("cmake version 3.28.20240101-g1234abc"));
        assertEquals(new CMakeVersion(3, 20, 0, "3.20"), parse("cmake version 3.20"));
        assertEquals(new CMakeVersion(4, 0, 3, "4.0.3"), parse("some wrapper banner", "  cmake version 4.0.3\r"));
    }

    @Test
    void nothingLikeAVersionLineIsEmpty() {
        assertEquals(Optional.empty(), CMakeVersion.parse(List.of()));
        assertEquals(
                Optional.empty(), CMakeVersion.parse(List.of("ninja 1.11.1", "version 3.25.1", "cmake version three")));
        assertEquals(Optional.empty(), CMakeVersion.parse(List.of("cmake version 3")));
    }

    @Test
    void comparesNumericallyNotAsText() {
        assertTrue(parse("cmake version 3.10.2").isOlderThan(CMakeVersion.MINIMUM));
        assertTrue(parse("cmake version 3.19.8").isOlderThan(CMakeVersion.MINIMUM));
        assertFalse(parse("cmake version 3.20.0").isOlderThan(CMakeVersion.MINIMUM));
        assertFalse(parse("cmake version 3.20").isOlderThan(CMakeVersion.MINIMUM));
        assertFalse(parse("cmake version 3.100.0").isOlderThan(CMakeVersion.MINIMUM));
        assertFalse(parse("cmake version 4.0.0").isOlderThan(CMakeVersion.MINIMUM));
        assertTrue(parse("cmake version 2.8.12").isOlderThan(CMakeVersion.MINIMUM));
    }
}
