package io.github.hotpatch.fileapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Reads a reply CMake really wrote for a clang-cl ARM64 cross build (see {@link FileApiTestProject}). */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class FileApiReplyTest {

    private static Path build;
    private static FileApiReply reply;

    @BeforeAll
    static void configure() throws Exception {
        build = FileApiTestProject.configured();
        reply = FileApiReplyReader.read(build);
    }

    @Test
    void describesTheCMakeRunAndItsConfigurations() {
        assertEquals("Ninja Multi-Config", reply.generator());
        assertTrue(reply.multiConfig());
        assertTrue(reply.cmakeVersion().matches("\\d+\\.\\d+\\.\\d+.*"), reply.cmakeVersion());
        assertEquals(build, reply.buildDir());
        assertEquals(FileApiTestProject.ROOT.resolve("src"), reply.sourceDir());
        assertTrue(reply.indexFile().getFileName().toString().startsWith("index-"));
        // Ninja Multi-Config's default CMAKE_CONFIGURATION_TYPES: no MinSizeRel
        assertEquals(List.of("Debug", "Release", "RelWithDebInfo"), reply.configurationNames());
    }

    @Test
    void releaseDllArtifactsAreAbsolutePathsInTheBuildTree() {
        FileApiTarget msquic = reply.target("Release", "msquic").orElseThrow();
        assertEquals("SHARED_LIBRARY", msquic.type());
        assertEquals(Optional.of("msquic.dll"), msquic.nameOnDisk());
        Path release = build.resolve("Release");
        assertEquals(
                List.of(release.resolve("msquic.dll"), release.resolve("msquic.lib"), release.resolve("msquic.pdb")),
                msquic.artifacts());
        assertEquals(Optional.of(release.resolve("msquic.dll")), msquic.primaryArtifact());
        assertEquals(Optional.of(release.resolve("msquic.pdb")), msquic.pdb());
        assertEquals(Optional.of(release.resolve("msquic.lib")), msquic.importLibrary());
        assertTrue(msquic.artifacts().stream().allMatch(Path::isAbsolute));
    }

    @Test
    void releaseLinkFlagsCarryTheCacheValueAndDebugsDoNot() {
        FileApiTarget release = reply.target("Release", "msquic").orElseThrow();
        assertTrue(release.hasLinkFlag("/profile"), release.linkFlags());
        assertTrue(release.hasLinkFlag("/INCREMENTAL:NO"), release.linkFlags());
        assertTrue(release.linkFlags().endsWith(FileApiTestProject.RELEASE_FLAGS), release.linkFlags());
        assertTrue(
                release.linkFlagTokens()
                        .containsAll(List.of("/NODEFAULTLIB", "/NOENTRY", "/MANIFEST:NO", "/machine:ARM64")),
                release.linkFlags());

        FileApiTarget debug = reply.target("Debug", "msquic").orElseThrow();
        assertFalse(debug.hasLinkFlag("/profile"), debug.linkFlags());
        assertFalse(debug.hasLinkFlag("/INCREMENTAL:NO"), debug.linkFlags());
        assertTrue(debug.hasLinkFlag("/debug") && debug.hasLinkFlag("/INCREMENTAL"), debug.linkFlags());
        assertEquals(
                List.of(
                        build.resolve("Debug/msquic.dll"),
                        build.resolve("Debug/msquic.lib"),
                        build.resolve("Debug/msquic.pdb")),
                debug.artifacts());
    }

    @Test
    void librariesAreFragmentsButNotFlags() {
        FileApiTarget msquic = reply.target("Release", "msquic").orElseThrow();
        assertTrue(
                msquic.linkFragments().contains(new FileApiCommandFragment("Release/helper.lib", "libraries")),
                msquic.linkFragments().toString());
        assertFalse(msquic.linkFlags().contains("helper.lib"), msquic.linkFlags());
    }

    @Test
    void staticLibraryHasOneArtifactAndNoLinkStep() {
        FileApiTarget helper = reply.target("Release", "helper").orElseThrow();
        assertEquals("STATIC_LIBRARY", helper.type());
        assertEquals(List.of(build.resolve("Release/helper.lib")), helper.artifacts());
        assertEquals(Optional.of(build.resolve("Release/helper.lib")), helper.primaryArtifact());
        assertEquals(Optional.empty(), helper.importLibrary());
        assertEquals(List.of(), helper.linkFragments());
        assertEquals("", helper.linkFlags());
    }

    @Test
    void artifactsOutsideTheBuildTreeAreListedAbsolute() {
        FileApiTarget outside = reply.target("Release", "outside").orElseThrow();
        Path dll = FileApiTestProject.ROOT.resolve("artifacts/Release/outside.dll");
        assertEquals(Optional.of(dll), outside.primaryArtifact());
        assertEquals(
                List.of(dll, build.resolve("Release/outside.lib"), dll.resolveSibling("outside.pdb")),
                outside.artifacts());
    }

    @Test
    void unknownNamesGiveEmptyResults() {
        assertEquals(Optional.empty(), reply.target("MinSizeRel", "msquic"));
        assertEquals(Optional.empty(), reply.target("Release", "nope"));
    }

    @Test
    void theQueryIsInPlaceAndAnswered() throws Exception {
        assertTrue(Files.isRegularFile(FileApiQuery.queryFile(build)));
        assertTrue(Files.readString(reply.indexFile()).contains("\"codemodel-v2\""));
    }
}
