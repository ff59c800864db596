package io.github.hotpatch.vcxproj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectConfigurationTest {

    @Test
    void parsesTheConditionCMakeWrites() {
        assertEquals(
                Optional.of(new ProjectConfiguration("Release", "ARM64")),
                ProjectConfiguration.fromCondition("'$(Configuration)|$(Platform)'=='Release|ARM64'"));
        assertEquals(
                Optional.of(new ProjectConfiguration("Release", "ARM64")),
                ProjectConfiguration.fromCondition(" '$(Configuration)|$(Platform)' == 'Release|ARM64' "));
    }

    @Test
    void otherConditionsAreNotGuessed() {
        assertEquals(Optional.empty(), ProjectConfiguration.fromCondition("'$(Configuration)'=='Release'"));
        assertEquals(
                Optional.empty(),
                ProjectConfiguration.fromCondition(
                        "'$(Configuration)|$(Platform)'=='Release|ARM64' Or '$(Configuration)|$(Platform)'=='Release|x86'"));
        assertEquals(Optional.empty(), ProjectConfiguration.fromCondition(null));
    }

    @Test
    void equalityIgnoresCaseAsMsbuildDoes() {
        assertEquals(ProjectConfiguration.parse("Release|ARM64"), ProjectConfiguration.parse("release|arm64"));
        assertEquals(
                ProjectConfiguration.parse("Release|ARM64").hashCode(),
                ProjectConfiguration.parse("RELEASE|arm64").hashCode());
        assertEquals(
                "Release|ARM64", ProjectConfiguration.parse("Release|ARM64").toString());
    }

    @Test
    void rejectsOtherShapes() {
        assertThrows(IllegalArgumentException.class, () -> ProjectConfiguration.parse("Release"));
        assertThrows(IllegalArgumentException.class, () -> ProjectConfiguration.parse("|ARM64"));
        assertThrows(IllegalArgumentException.class, () -> ProjectConfiguration.parse("a|b|c"));
    }
}
