package io.github.hotpatch.vcxproj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VcxprojFileTest {

    private static final ProjectConfiguration RELEASE_ARM64 = ProjectConfiguration.parse("Release|ARM64");
    private static final ProjectConfiguration DEBUG_ARM64 = ProjectConfiguration.parse("Debug|ARM64");

    @Test
    void readsDeclaredConfigurationsInFileOrder() throws IOException {
        VcxprojFile project = VcxprojFileReader.read(Fixtures.vcxproj("msquic-arm64-lowercase.vcxproj"));
        assertEquals(List.of(DEBUG_ARM64, RELEASE_ARM64), project.configurations());
        assertEquals(List.of(), project.ignoredConditions());
        LinkSettings release = project.requireLinkSettings("Release|ARM64");
        assertEquals(Optional.of("DynamicLibrary"), release.configurationType());
        assertEquals(
                Optional.of("C:\\src\\msquic\\artifacts\\bin\\windows\\arm64_Release_schannel\\"),
                release.property("OutDir"));
        assertEquals(
                Optional.of("C:/src/msquic/artifacts/bin/windows/arm64_Release_schannel/msquic.pdb"),
                release.linkElement("ProgramDataBaseFile"));
    }

    @Test
    void lowercaseFlagsStayInAdditionalOptions() throws IOException {
        LinkSettings release = VcxprojFileReader.read(Fixtures.vcxproj("msquic-arm64-lowercase.vcxproj"))
                .requireLinkSettings(RELEASE_ARM64);
        assertEquals(
                List.of(
                        "/machine:ARM64",
                        "/hotpatchcompatible",
                        "/profile",
                        "/incremental:no",
                        "/pdbinject:mapfile",
                        "/IGNORE:4075",
                        "/guard:cf"),
                release.additionalOptions().tokens());
        assertEquals(Optional.empty(), release.profile());
        assertEquals(Optional.of("true"), release.linkIncremental());
        assertEquals(Optional.of("true"), release.enableComdatFolding());
        assertEquals(Optional.of("true"), release.optimizeReferences());
        assertEquals(Optional.of("true"), release.generateDebugInformation());
        assertEquals(Optional.empty(), release.generateMapFile());
        assertEquals(Optional.empty(), release.createHotPatchableImage());
    }

    @Test
    void lowercaseFlagsAreProvedByAdditionalOptionsTokens() throws IOException {
        VcxprojFile project = VcxprojFileReader.read(Fixtures.vcxproj("msquic-arm64-lowercase.vcxproj"));
        for (String flag : List.of(
                "/PROFILE", "/profile", "-Profile", "/hotpatchcompatible", "/pdbinject:mapfile", "/INCREMENTAL:NO")) {
            FlagEvidence evidence = project.linkerFlag(RELEASE_ARM64, flag);
            assertTrue(evidence.inEffect(), evidence.message());
            assertEquals(FlagEvidence.Source.ADDITIONAL_OPTIONS, evidence.source(), flag);
            assertEquals("AdditionalOptions", evidence.element());
        }
        FlagEvidence profile = project.linkerFlag(RELEASE_ARM64, "/PROFILE");
        assertEquals("/profile", profile.value());
        assertTrue(profile.message().contains("msquic-arm64-lowercase.vcxproj"), profile.message());
        assertTrue(profile.message().contains("[Release|ARM64]"), profile.message());
        assertTrue(profile.message().contains("<Link><AdditionalOptions> has '/profile'"), profile.message());
    }

    @Test
    void additionalOptionsTokenOverridesContradictingLinkIncremental() throws IOException {
        FlagEvidence evidence = VcxprojFileReader.read(Fixtures.vcxproj("msquic-arm64-lowercase.vcxproj"))
                .linkerFlag(RELEASE_ARM64, "/INCREMENTAL:NO");
        assertTrue(evidence.inEffect());
        assertEquals("/incremental:no", evidence.value());
        assertTrue(
                evidence.message().contains("overrides <PropertyGroup><LinkIncremental>true</LinkIncremental>"),
                evidence.message());
    }

    @Test
    void optIcfIsProvedByEnableComdatFolding() throws IOException {
        FlagEvidence evidence = VcxprojFileReader.read(Fixtures.vcxproj("msquic-arm64-lowercase.vcxproj"))
                .linkerFlag(RELEASE_ARM64, "/OPT:ICF");
        assertTrue(evidence.inEffect());
        assertEquals(FlagEvidence.Source.LINK_ELEMENT, evidence.source());
        assertEquals("EnableCOMDATFolding", evidence.element());
        assertEquals("true", evidence.value());
        assertFalse(VcxprojFileReader.read(Fixtures.vcxproj("msquic-arm64-lowercase.vcxproj"))
                .linkerFlag(RELEASE_ARM64, "/OPT:NOICF")
                .inEffect());
    }

    @Test
    void debugHasNoneOfTheHotpatchFlags() throws IOException {
        VcxprojFile project = VcxprojFileReader.read(Fixtures.vcxproj("msquic-arm64-lowercase.vcxproj"));
        for (String flag :
                List.of("/PROFILE", "/hotpatchcompatible", "/pdbinject:mapfile", "/INCREMENTAL:NO", "/OPT:ICF")) {
            FlagEvidence evidence = project.linkerFlag(DEBUG_ARM64, flag);
            assertFalse(evidence.inEffect(), evidence.message());
            assertEquals(FlagEvidence.Source.NOT_FOUND, evidence.source());
        }
        FlagEvidence incremental = project.linkerFlag(DEBUG_ARM64, "/INCREMENTAL:NO");
        assertEquals("LinkIncremental", incremental.element());
        assertEquals("true", incremental.value());
        assertTrue(
                incremental.message().contains("found <PropertyGroup><LinkIncremental>true</LinkIncremental>"),
                incremental.message());
        FlagEvidence unmapped = project.linkerFlag(DEBUG_ARM64, "/hotpatchcompatible");
        assertTrue(unmapped.message().contains("'/machine:ARM64 /guard:cf'"), unmapped.message());
        assertTrue(project.linkerFlag(DEBUG_ARM64, "/INCREMENTAL").inEffect());
        assertTrue(project.linkerFlag(DEBUG_ARM64, "/DEBUG").inEffect());
    }

    @Test
    void uppercaseFlagsAreProvedByMappedElements() throws IOException {
        VcxprojFile project = VcxprojFileReader.read(Fixtures.vcxproj("msquic-arm64-uppercase.vcxproj"));
        LinkSettings release = project.requireLinkSettings(RELEASE_ARM64);
        assertEquals(Optional.of("true"), release.profile());
        assertEquals(Optional.of("false"), release.linkIncremental());
        assertFalse(release.linkIncrementalByElement());
        assertEquals(Optional.empty(), release.additionalOptions().find("/PROFILE"));

        FlagEvidence profile = release.evidenceFor("/profile");
        assertTrue(profile.inEffect());
        assertEquals(FlagEvidence.Source.LINK_ELEMENT, profile.source());
        assertEquals("Profile", profile.element());
        assertTrue(profile.message().endsWith("/profile in effect: <Link><Profile>true</Profile>"), profile.message());

        FlagEvidence incremental = release.evidenceFor("/INCREMENTAL:NO");
        assertTrue(incremental.inEffect());
        assertEquals(FlagEvidence.Source.PROPERTY_GROUP, incremental.source());
        assertEquals("false", incremental.value());

        assertTrue(release.evidenceFor("/hotpatchcompatible").inEffect());
        assertTrue(release.evidenceFor("/pdbinject:mapfile").inEffect());
        assertFalse(project.linkerFlag(DEBUG_ARM64, "/PROFILE").inEffect());
        assertFalse(project.linkerFlag(DEBUG_ARM64, "/INCREMENTAL:NO").inEffect());
    }

    @Test
    void functionPadMin6IsProvedByCreateHotPatchableImage() throws IOException {
        VcxprojFile project = VcxprojFileReader.read(Fixtures.vcxproj("msquic-x64.vcxproj"));
        LinkSettings release = project.requireLinkSettings("Release|x64");
        assertEquals(Optional.of("X64Image"), release.createHotPatchableImage());
        for (String flag : List.of("/FUNCTIONPADMIN:6", "/functionpadmin:6")) {
            FlagEvidence evidence = release.evidenceFor(flag);
            assertTrue(evidence.inEffect(), evidence.message());
            assertEquals("CreateHotPatchableImage", evidence.element());
            assertEquals("X64Image", evidence.value());
        }
        FlagEvidence arm64Padding = release.evidenceFor("/FUNCTIONPADMIN:8");
        assertFalse(arm64Padding.inEffect());
        assertTrue(arm64Padding.message().contains("maps it to no element"), arm64Padding.message());
        assertFalse(project.linkerFlag(ProjectConfiguration.parse("Debug|x64"), "/FUNCTIONPADMIN:6")
                .inEffect());
    }

    @Test
    void newerGeneratorStyleEmptyElementsAndQuotedOptions() throws IOException {
        LinkSettings release =
                VcxprojFileReader.read(Fixtures.vcxproj("msquic-x64.vcxproj")).requireLinkSettings("Release|x64");
        assertEquals(Optional.of(""), release.linkElement("DataExecutionPrevention"));
        assertEquals(
                List.of("/machine:x64", "/hotpatchcompatible", "/NATVIS:C:/My Files/msquic.natvis"),
                release.additionalOptions().tokens());
        assertTrue(release.evidenceFor("/PROFILE").inEffect());
        assertTrue(release.evidenceFor("/INCREMENTAL:NO").inEffect());
    }

    @Test
    void emptyLinkIncrementalUnderIpoProvesNeitherValue() throws IOException {
        LinkSettings ipo = VcxprojFileReader.read(Fixtures.vcxproj("msquic-x64.vcxproj"))
                .requireLinkSettings("RelWithDebInfo|x64");
        assertEquals(Optional.of(""), ipo.linkIncremental());
        FlagEvidence no = ipo.evidenceFor("/INCREMENTAL:NO");
        assertFalse(no.inEffect());
        assertTrue(no.message().contains("found <PropertyGroup><LinkIncremental></LinkIncremental>"), no.message());
        assertFalse(ipo.evidenceFor("/INCREMENTAL").inEffect());
    }

    @Test
    void absentLinkIncrementalDefaultsToTrue(@TempDir Path dir) throws IOException {
        Path file = write(dir, "nolinkincremental.vcxproj", """
                <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <ItemGroup Label="ProjectConfigurations">
                    <ProjectConfiguration Include="Release|ARM64" />
                  </ItemGroup>
                </Project>
                """);
        LinkSettings release = VcxprojFileReader.read(file).requireLinkSettings("Release|ARM64");
        assertTrue(release.linkIncrementalByElement());
        FlagEvidence incremental = release.evidenceFor("/INCREMENTAL");
        assertTrue(incremental.inEffect());
        assertEquals(FlagEvidence.Source.DEFAULT, incremental.source());
        FlagEvidence no = release.evidenceFor("/INCREMENTAL:NO");
        assertFalse(no.inEffect());
        assertTrue(no.message().contains("no <LinkIncremental> written (MSBuild default true)"), no.message());
    }

    @Test
    void configurationLookupIgnoresCaseLikeMsbuild() throws IOException {
        VcxprojFile project = VcxprojFileReader.read(Fixtures.vcxproj("msquic-arm64-uppercase.vcxproj"));
        assertTrue(project.linkSettings(ProjectConfiguration.parse("release|arm64"))
                .isPresent());
    }

    @Test
    void missingConfigurationIsNamedWithWhatTheProjectHas() throws IOException {
        VcxprojFile project = VcxprojFileReader.read(Fixtures.vcxproj("msquic-x64.vcxproj"));
        VcxprojFormatException e =
                assertThrows(VcxprojFormatException.class, () -> project.requireLinkSettings("Release|ARM64"));
        assertTrue(
                e.getMessage()
                        .contains("msquic-x64.vcxproj: expected configuration Release|ARM64, but the project has "
                                + "Debug|x64, Release|x64, RelWithDebInfo|x64"),
                e.getMessage());
    }

    @Test
    void unconditionedDefinitionsAreInheritedAndUnknownConditionsSkipped(@TempDir Path dir) throws IOException {
        Path file = write(dir, "layered.vcxproj", """
                <?xml version="1.0" encoding="utf-8"?>
                <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <ItemGroup Label="ProjectConfigurations">
                    <ProjectConfiguration Include="Release|ARM64" />
                    <ProjectConfiguration Include="Debug|ARM64" />
                  </ItemGroup>
                  <ItemDefinitionGroup>
                    <Link><AdditionalOptions>/base %(AdditionalOptions)</AdditionalOptions></Link>
                  </ItemDefinitionGroup>
                  <ItemDefinitionGroup Condition=" '$(Configuration)|$(Platform)' == 'Release|ARM64' ">
                    <Link>
                      <AdditionalOptions>%(AdditionalOptions) /profile</AdditionalOptions>
                      <Profile Condition="'$(Configuration)|$(Platform)'=='Debug|ARM64'">true</Profile>
                    </Link>
                  </ItemDefinitionGroup>
                  <ItemDefinitionGroup Condition="'$(Configuration)'=='Debug'">
                    <Link><AdditionalOptions>/hotpatchcompatible</AdditionalOptions></Link>
                  </ItemDefinitionGroup>
                </Project>
                """);
        VcxprojFile project = VcxprojFileReader.read(file);
        LinkSettings release = project.requireLinkSettings("Release|ARM64");
        assertEquals(List.of("/base", "/profile"), release.additionalOptions().tokens());
        assertEquals(Optional.empty(), release.profile());
        LinkSettings debug = project.requireLinkSettings("Debug|ARM64");
        assertEquals(List.of("/base"), debug.additionalOptions().tokens());
        assertEquals(List.of("'$(Configuration)'=='Debug'"), project.ignoredConditions());
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
