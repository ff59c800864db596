package io.github.hotpatch.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.pdb.PdbFileReader;
import io.github.hotpatch.testing.NativeFixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Command-line splitting and switch lookup as link.exe and lld-link read them. */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class LinkerFlagsTest {

    @Test
    void tokensKeepQuotedPartsTogetherAndDropTheQuotes() {
        assertEquals(
                List.of("/out:C:\\Program Files\\x.dll", "/profile", "/NATVIS:a b.natvis"),
                LinkerFlags.tokens("  /out:\"C:\\Program Files\\x.dll\"\t/profile \"/NATVIS:a b.natvis\"  "));
        assertEquals(List.of("/a", "", "/b"), LinkerFlags.tokens("/a \"\" /b"));
        assertEquals(List.of("ab c"), LinkerFlags.tokens("a\"b c\""));
        assertEquals(List.of(), LinkerFlags.tokens(" \t\n "));
        assertEquals(List.of("/x", "/y"), LinkerFlags.tokens("/x\r\n/y"));
    }

    @Test
    void normaliseTreatsDashAsSlashAndIgnoresCase() {
        assertEquals("/incremental:no", LinkerFlags.normalise("-INCREMENTAL:NO"));
        assertEquals("/profile", LinkerFlags.normalise("/PROFILE"));
        assertEquals("/hotpatchcompatible", LinkerFlags.normalise("-hotpatchcompatible"));
    }

    @Test
    void findMatchesWholeSwitchesOnlyAndTheLastOneWins() {
        List<String> tokens = List.of("-PROFILE", "/Incremental:No", "/profile", "/profileguided");
        assertEquals(Optional.of("/profile"), LinkerFlags.find(tokens, "/PROFILE"));
        assertEquals(Optional.of("/Incremental:No"), LinkerFlags.find(tokens, "-incremental:no"));
        assertEquals(Optional.empty(), LinkerFlags.find(tokens, "/incremental"));
        assertEquals(Optional.empty(), LinkerFlags.find(tokens, "/prof"));
        assertEquals(Optional.empty(), LinkerFlags.find(List.of(), "/profile"));
    }

    @Test
    void findSwitchMatchesTheNameWithOrWithoutAnArgumentLastWins() {
        List<String> tokens = LinkerFlags.tokens("/INCREMENTAL:NO /debug /incrementalx -Incremental /DEBUG:FULL");
        assertEquals(Optional.of("-Incremental"), LinkerFlags.findSwitch(tokens, "/incremental"));
        assertEquals(Optional.of("/DEBUG:FULL"), LinkerFlags.findSwitch(tokens, "/debug"));
        assertEquals(
                Optional.of("/INCREMENTAL:NO"),
                LinkerFlags.findSwitch(LinkerFlags.tokens("/incremental /INCREMENTAL:NO"), "-INCREMENTAL"));
        // a longer switch that merely starts with the name is another switch
        assertEquals(Optional.empty(), LinkerFlags.findSwitch(List.of("/debugtype:cv,fixup"), "/debug"));
    }

    @Test
    void onlyIncrementalNoIsCommonToEveryConfiguration() {
        assertFalse(LinkerFlags.isDistinctive("/INCREMENTAL:NO"));
        assertFalse(LinkerFlags.isDistinctive("-incremental:no"));
        assertTrue(LinkerFlags.isDistinctive("/hotpatchcompatible"));
        assertTrue(LinkerFlags.isDistinctive("/PROFILE"));
    }

    @Test
    void readsTheCommandLineLldRecordedInARealPdb() throws Exception {
        NativeFixtures.Built hotpatch = NativeFixtures.arm64Hotpatch();
        String cmd = PdbFileReader.read(hotpatch.pdb()).linkerCommandLine().orElseThrow();
        List<String> tokens = LinkerFlags.tokens(cmd);
        assertEquals(Optional.of("/out:" + hotpatch.dll()), LinkerFlags.findSwitch(tokens, "/OUT"));
        assertEquals(Optional.of("/functionpadmin:8"), LinkerFlags.findSwitch(tokens, "-FUNCTIONPADMIN"));
        assertTrue(LinkerFlags.find(tokens, "/HOTPATCHCOMPATIBLE").isPresent(), cmd);
        assertEquals(Optional.empty(), LinkerFlags.find(tokens, "/pdbinject:mapfile"));
    }

    @Test
    void optIcfIsFoundInEverySpellingAndTurnedOffByALaterNoIcf() {
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.Optional.of("/OPT:REF,ICF=3"),
                LinkerFlags.lastOptOption(LinkerFlags.tokens("/profile /OPT:REF,ICF=3"), "icf"));
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.Optional.of("-opt:icf"), LinkerFlags.lastOptOption(LinkerFlags.tokens("-opt:icf"), "icf"));
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.Optional.empty(),
                LinkerFlags.lastOptOption(LinkerFlags.tokens("/OPT:ICF /OPT:NOICF"), "icf"));
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.Optional.empty(), LinkerFlags.lastOptOption(LinkerFlags.tokens("/OPT:REF /OPT:ICFX"), "icf"));
    }
}
