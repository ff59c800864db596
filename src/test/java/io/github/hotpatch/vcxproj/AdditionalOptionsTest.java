package io.github.hotpatch.vcxproj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdditionalOptionsTest {

    @Test
    void inheritedValueIsSplicedWhereReferenced() {
        AdditionalOptions base = AdditionalOptions.parse("/a", AdditionalOptions.none());
        assertEquals(
                List.of("/x", "/a", "/y"),
                AdditionalOptions.parse("/x %(AdditionalOptions) /y", base).tokens());
        assertEquals(List.of("/y"), AdditionalOptions.parse("/y", base).tokens());
    }

    @Test
    void quotedArgumentsAndMsbuildEscapesAreUndone() {
        AdditionalOptions options = AdditionalOptions.parse(
                "%(AdditionalOptions)  \"/NATVIS:C:/My Files/a.natvis\"\t/ALTERNATENAME:a%3Db /X:\\\"q\\\" /p%zz",
                AdditionalOptions.none());
        assertEquals(
                List.of("/NATVIS:C:/My Files/a.natvis", "/ALTERNATENAME:a=b", "/X:\"q\"", "/p%zz"), options.tokens());
    }

    @Test
    void findIgnoresCaseAndPrefixAndReturnsTheLastMatch() {
        AdditionalOptions options = AdditionalOptions.parse("/Profile -PROFILE /profilex", AdditionalOptions.none());
        assertEquals(Optional.of("-PROFILE"), options.find("/profile"));
        assertEquals(Optional.of("-PROFILE"), options.find("PROFILE"));
        assertEquals(Optional.empty(), options.find("/prof"));
        assertThrows(IllegalArgumentException.class, () -> options.find("/two words"));
        assertThrows(IllegalArgumentException.class, () -> options.find("/"));
    }
}
