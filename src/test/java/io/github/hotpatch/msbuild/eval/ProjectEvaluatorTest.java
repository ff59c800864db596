package io.github.hotpatch.msbuild.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.vcxproj.ProjectConfiguration;
import io.github.hotpatch.vcxproj.VcxprojFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluator on a hand-written, msquic-shaped driver project and on the parts such projects use. */
class ProjectEvaluatorTest {

    static final String NS = "xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\"";
    static final String CONFIGS = """
              <ItemGroup Label="ProjectConfigurations">
                <ProjectConfiguration Include="Debug|ARM64" />
                <ProjectConfiguration Include="Release|ARM64" />
              </ItemGroup>
            """;
    static final ProjectConfiguration RELEASE_ARM64 = ProjectConfiguration.parse("Release|ARM64");
    static final ProjectConfiguration DEBUG_ARM64 = ProjectConfiguration.parse("Debug|ARM64");

    @TempDir
    Path dir;

    static Path driverProject(Path dir) throws IOException {
        Path project = dir.resolve("src/driver/hotdriver.vcxproj");
        Files.createDirectories(project.getParent());
        try (var in = ProjectEvaluatorTest.class.getResourceAsStream("/msbuild/eval/hotdriver.vcxproj")) {
            Files.write(project, in.readAllBytes());
        }
        return project;
    }

    Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    static EvaluatedConfiguration config(EvaluatedProject project, String name) {
        return project.configuration(ProjectConfiguration.parse(name)).orElseThrow();
    }

    @Test
    void driverProject_eachConfigurationGetsItsOwnLinkOptionsInOrder() throws IOException {
        EvaluatedProject p = new ProjectEvaluator(Map.of(), Map.of()).evaluate(driverProject(dir));
        assertEquals(
                List.of("Debug|x64", "Release|x64", "Debug|ARM64", "Release|ARM64"),
                p.configurations().stream()
                        .map(c -> c.configuration().toString())
                        .toList());
        assertEquals(
                List.of(
                        "/LTCG",
                        "/kernel",
                        "/NOOPTIDATA",
                        "/MERGE:_TEXT=.text",
                        "/hotpatchcompatible",
                        "/profile",
                        "/incremental:no",
                        "/PDBINJECT:MAPFILE"),
                config(p, "Release|ARM64").linkOptions());
        assertEquals(
                List.of("/LTCG", "/kernel", "/NOOPTIDATA", "/MERGE:_TEXT=.text"),
                config(p, "Debug|ARM64").linkOptions());
        List<String> x64 = config(p, "Release|x64").linkOptions();
        String outDir = p.file().getParent() + java.io.File.separator + "out\\x64_Release\\";
        assertEquals(
                List.of(
                        "/FORCE:PGOREPRO",
                        "/USEPROFILE:PGD=" + outDir + "hotdriver.pgd",
                        "/hotpatchcompatible",
                        "/profile",
                        "/incremental:no",
                        "/FUNCTIONPADMIN:6"),
                x64.subList(4, x64.size()));
        assertEquals("Driver", config(p, "Release|x64").configurationType().orElseThrow());
        assertTrue(
                config(p, "Release|ARM64").evidence().stream()
                        .anyMatch(e -> e.startsWith("hotdriver.vcxproj:69: <Link><AdditionalOptions>")
                                && e.contains("$(HotpatchLinkFlagsARM64) from hotdriver.vcxproj:59")),
                config(p, "Release|ARM64").evidence().toString());
    }

    @Test
    void driverProject_toolsetImportsAreNotEvaluatedButNotAnError() throws IOException {
        EvaluatedConfiguration c = new ProjectEvaluator(Map.of(), Map.of()).evaluate(driverProject(dir), RELEASE_ARM64);
        List<NotEvaluated> toolset = c.notEvaluated().stream()
                .filter(n -> n.construct().contains("$(VCTargetsPath)"))
                .toList();
        assertEquals(
                List.of(31, 39, 72), toolset.stream().map(NotEvaluated::line).toList());
        assertTrue(toolset.stream().noneMatch(NotEvaluated::affectsLink), toolset.toString());
        assertTrue(c.affectingLink().isEmpty(), c.affectingLink().toString());
    }

    @Test
    void existsIsRelativeToTheImportingFile_andMsbuildThisFileDirectoryToTheImportedOne() throws IOException {
        Path project = driverProject(dir);
        Path props = write("src/packages/Example.SourceInfo.2.1.0/build/Example.SourceInfo.props", """
                <Project %s>
                  <PropertyGroup>
                    <SourceInfoDir>$(MSBuildThisFileDirectory)</SourceInfoDir>
                  </PropertyGroup>
                </Project>
                """.formatted(NS));
        EvaluatedConfiguration c = new ProjectEvaluator(Map.of(), Map.of()).evaluate(project, RELEASE_ARM64);
        assertTrue(c.imports().contains(props), c.imports().toString());
        assertEquals(
                props.getParent() + java.io.File.separator,
                c.property("SourceInfoDir").orElseThrow());
    }

    @Test
    void directoryBuildPropsIsFoundUpward_andTargetsFileAppendsLast() throws IOException {
        Path project = driverProject(dir);
        write("Directory.Build.props", """
                <Project %s>
                  <PropertyGroup><ExtraLink>/DEBUG:FULL</ExtraLink></PropertyGroup>
                </Project>
                """.formatted(NS));
        write("src/Directory.Build.targets", """
                <Project %s>
                  <ItemDefinitionGroup>
                    <Link><AdditionalOptions>%%(AdditionalOptions) $(ExtraLink)</AdditionalOptions></Link>
                  </ItemDefinitionGroup>
                </Project>
                """.formatted(NS));
        List<String> options = new ProjectEvaluator(Map.of(), Map.of())
                .evaluate(project, RELEASE_ARM64)
                .linkOptions();
        assertEquals("/DEBUG:FULL", options.get(options.size() - 1), options.toString());
    }

    @Test
    void environmentVariablesAreProperties_projectPropertiesWin_globalsWinOverBoth() throws IOException {
        Path project = write("p.vcxproj", """
                <Project %s>
                %s
                  <PropertyGroup>
                    <FromProject>/project</FromProject>
                    <Overridden>/project-wins</Overridden>
                    <Platform>x86</Platform>
                  </PropertyGroup>
                  <ItemDefinitionGroup>
                    <Link><AdditionalOptions>$(FromEnv) $(FromProject) $(Overridden) /P:$(Platform)</AdditionalOptions></Link>
                  </ItemDefinitionGroup>
                </Project>
                """.formatted(NS, CONFIGS));
        EvaluatedConfiguration c = new ProjectEvaluator(Map.of("FromEnv", "/env", "OVERRIDDEN", "/env-loses"), Map.of())
                .evaluate(project, RELEASE_ARM64);
        assertEquals(List.of("/env", "/project", "/project-wins", "/P:ARM64"), c.linkOptions());
    }

    @Test
    void conditionsSelectConfigurations() throws IOException {
        Path project = write("p.vcxproj", """
                <Project %s>
                %s
                  <PropertyGroup Condition="('$(Configuration)' == 'Release') and !('$(Platform)' != 'ARM64')">
                    <A>/a</A>
                  </PropertyGroup>
                  <PropertyGroup Condition="'$(Configuration)'=='Debug' or '$(Platform)'=='x64'"><B>/b</B></PropertyGroup>
                  <ItemDefinitionGroup>
                    <Link>
                      <AdditionalOptions>$(A) $(B)</AdditionalOptions>
                      <AdditionalOptions Condition="Exists('p.vcxproj') and !Exists('nope')">%%(AdditionalOptions) /c</AdditionalOptions>
                    </Link>
                  </ItemDefinitionGroup>
                </Project>
                """.formatted(NS, CONFIGS));
        EvaluatedProject p = new ProjectEvaluator(Map.of(), Map.of()).evaluate(project);
        assertEquals(List.of("/a", "/c"), config(p, "Release|ARM64").linkOptions());
        assertEquals(List.of("/b", "/c"), config(p, "Debug|ARM64").linkOptions());
    }

    @Test
    void undefinedPropertyInLinkIsListedAndEmpty() throws IOException {
        Path project = write("p.vcxproj", """
                <Project %s>
                %s
                  <ItemDefinitionGroup>
                    <Link><AdditionalOptions>/x$(Nobody)y</AdditionalOptions></Link>
                  </ItemDefinitionGroup>
                </Project>
                """.formatted(NS, CONFIGS));
        EvaluatedConfiguration c = new ProjectEvaluator(Map.of(), Map.of()).evaluate(project, RELEASE_ARM64);
        assertEquals(List.of("/xy"), c.linkOptions());
        NotEvaluated n = c.notEvaluated().get(0);
        assertEquals("$(Nobody) in <Link><AdditionalOptions>", n.construct());
        assertEquals(8, n.line());
        assertFalse(n.affectsLink());
    }

    @Test
    void outsideTheSubsetIsListedWithFileAndLine_andMarkedAsAffectingLink() throws IOException {
        Path project = write("p.vcxproj", """
                <Project %s>
                %s
                  <Choose><When Condition="true"><PropertyGroup><A>/a</A></PropertyGroup></When></Choose>
                  <PropertyGroup>
                    <Fn>$([System.IO.Path]::Combine('a','b'))</Fn>
                  </PropertyGroup>
                  <PropertyGroup Condition="'$(Configuration)' === 'Release'"><Bad>/bad</Bad></PropertyGroup>
                  <ItemDefinitionGroup>
                    <Link><AdditionalOptions>/keep $(Fn) $(Bad) %%(ClCompile.AdditionalOptions)</AdditionalOptions></Link>
                  </ItemDefinitionGroup>
                </Project>
                """.formatted(NS, CONFIGS));
        EvaluatedConfiguration c = new ProjectEvaluator(Map.of(), Map.of()).evaluate(project, RELEASE_ARM64);
        assertEquals(List.of("/keep"), c.linkOptions());
        String all = c.notEvaluated().toString();
        assertTrue(all.contains("p.vcxproj:7: <Choose>"), all);
        assertTrue(all.contains("malformed condition"), all);
        List<NotEvaluated> link = c.affectingLink();
        assertTrue(link.stream().anyMatch(n -> n.line() == 13 && n.reason().contains("property function")), all);
        assertTrue(link.stream().anyMatch(n -> n.line() == 13 && n.reason().contains("was not evaluated")), all);
        assertTrue(link.stream().anyMatch(n -> n.reason().contains("another item type")), all);
    }

    // ---- hostile projects: a named error or a not-evaluated entry, in bounded time --------------------------

    @Test
    void propertyDefinedInTermsOfItself_usesItsEarlierValue() throws IOException {
        Path project = write("p.vcxproj", """
                <Project %s>
                %s
                  <PropertyGroup><P>$(P) /a</P></PropertyGroup>
                  <PropertyGroup><P>$(P) /b</P></PropertyGroup>
                  <ItemDefinitionGroup><Link><AdditionalOptions>$(P)</AdditionalOptions></Link></ItemDefinitionGroup>
                </Project>
                """.formatted(NS, CONFIGS));
        assertEquals(
                List.of("/a", "/b"),
                new ProjectEvaluator(Map.of(), Map.of())
                        .evaluate(project, RELEASE_ARM64)
                        .linkOptions());
    }

    @Test
    void propertyDoublingItself_endsInANamedErrorQuickly() throws IOException {
        StringBuilder groups = new StringBuilder("<PropertyGroup><P>x</P></PropertyGroup>\n");
        for (int i = 0; i < 64; i++) {
            groups.append("<PropertyGroup><P>$(P)$(P)</P></PropertyGroup>\n");
        }
        Path project = write("p.vcxproj", "<Project " + NS + ">" + CONFIGS + groups + "</Project>");
        ProjectEvaluationException e = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThrows(
                        ProjectEvaluationException.class,
                        () -> new ProjectEvaluator(Map.of(), Map.of()).evaluate(project)));
        assertTrue(
                e.getMessage().contains("p.vcxproj") && e.getMessage().contains("expands to more than"),
                e.getMessage());
    }

    @Test
    void deepImports_endInANamedError() throws IOException {
        for (int i = 0; i < 40; i++) {
            write("i" + i + ".props", "<Project " + NS + "><Import Project=\"i" + (i + 1) + ".props\" /></Project>");
        }
        write("i40.props", "<Project " + NS + " />");
        Path project =
                write("p.vcxproj", "<Project " + NS + ">" + CONFIGS + "<Import Project=\"i0.props\" /></Project>");
        ProjectEvaluationException e = assertThrows(
                ProjectEvaluationException.class,
                () -> new ProjectEvaluator(Map.of(), Map.of()).evaluate(project, RELEASE_ARM64));
        assertTrue(e.getMessage().contains("deeper than " + ProjectEvaluator.MAX_IMPORT_DEPTH), e.getMessage());
    }

    @Test
    void importCycle_isListedAndEvaluatedOnce() throws IOException {
        write(
                "a.props",
                "<Project " + NS + "><PropertyGroup><A>$(A)/a </A></PropertyGroup>"
                        + "<Import Project=\"b.props\" /></Project>");
        write("b.props", "<Project " + NS + "><Import Project=\"a.props\" /></Project>");
        Path project = write(
                "p.vcxproj",
                "<Project " + NS + ">" + CONFIGS + "<Import Project=\"a.props\" />"
                        + "<ItemDefinitionGroup><Link><AdditionalOptions>$(A)</AdditionalOptions></Link></ItemDefinitionGroup>"
                        + "</Project>");
        EvaluatedConfiguration c = new ProjectEvaluator(Map.of(), Map.of()).evaluate(project, RELEASE_ARM64);
        assertEquals(List.of("/a"), c.linkOptions());
        assertTrue(
                c.notEvaluated().stream()
                        .anyMatch(n -> n.reason().contains("import cycle")
                                && n.file().getFileName().toString().equals("b.props")),
                c.notEvaluated().toString());
    }

    @Test
    void missingUnconditionedImport_mayAffectLink() throws IOException {
        Path project =
                write("p.vcxproj", "<Project " + NS + ">" + CONFIGS + "<Import Project=\"gone.props\" /></Project>");
        EvaluatedConfiguration c = new ProjectEvaluator(Map.of(), Map.of()).evaluate(project, RELEASE_ARM64);
        assertTrue(
                c.affectingLink().get(0).reason().contains("MSB4019"),
                c.notEvaluated().toString());
    }

    @Test
    void hugeProject_isEvaluatedWithinBounds() throws IOException {
        StringBuilder sb = new StringBuilder("<Project " + NS + ">" + CONFIGS);
        for (int i = 0; i < 40_000; i++) {
            sb.append("<PropertyGroup Condition=\"'$(Configuration)'=='Release'\"><P")
                    .append(i % 50)
                    .append(">$(P")
                    .append((i + 1) % 50)
                    .append(")v</P")
                    .append(i % 50)
                    .append("></PropertyGroup>\n");
        }
        sb.append(
                "<ItemDefinitionGroup><Link><AdditionalOptions>/end</AdditionalOptions></Link></ItemDefinitionGroup>");
        Path project = write("p.vcxproj", sb.append("</Project>").toString());
        assertTrue(Files.size(project) > 2_000_000);
        EvaluatedProject p = assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> new ProjectEvaluator(Map.of(), Map.of()).evaluate(project));
        assertEquals(List.of("/end"), config(p, "Release|ARM64").linkOptions());
    }

    @Test
    void deeplyNestedElements_endInANamedError() throws IOException {
        Path project = write(
                "p.vcxproj",
                "<Project " + NS + ">" + CONFIGS + "<a>".repeat(5000) + "</a>".repeat(5000) + "</Project>");
        VcxprojFormatException e = assertThrows(
                VcxprojFormatException.class, () -> new ProjectEvaluator(Map.of(), Map.of()).evaluate(project));
        assertTrue(e.getMessage().contains("nest deeper than"), e.getMessage());
    }

    @Test
    void malformedConditions_areListedNeverGuessed() throws IOException {
        String[] conditions = {
            "'$(Configuration)'=='Release",
            "'a' == ",
            "((((true)",
            "'a' = 'b'",
            "Foo('x')",
            "'a' < 'b'",
            "$(Configuration",
            "'a' == 'a' xor 'b'",
            "(".repeat(500) + "true" + ")".repeat(500),
            "@(Items) == ''",
            "maybe"
        };
        for (String condition : conditions) {
            String escaped =
                    condition.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
            Path project = write(
                    "p.vcxproj",
                    "<Project " + NS + ">" + CONFIGS
                            + "<ItemDefinitionGroup Condition=\"" + escaped + "\"><Link><AdditionalOptions>/x"
                            + "</AdditionalOptions></Link></ItemDefinitionGroup></Project>");
            EvaluatedConfiguration c = new ProjectEvaluator(Map.of(), Map.of()).evaluate(project, RELEASE_ARM64);
            assertEquals(List.of(), c.linkOptions(), condition);
            assertEquals(1, c.affectingLink().size(), condition + " " + c.notEvaluated());
            assertTrue(c.affectingLink().get(0).construct().contains("Condition="), condition);
        }
    }

    @Test
    void notAProjectOrNoConfigurations_isAFormatErrorNamingTheFile() throws IOException {
        Path project = write("p.vcxproj", "<Project " + NS + "><PropertyGroup /></Project>");
        VcxprojFormatException e = assertThrows(
                VcxprojFormatException.class, () -> new ProjectEvaluator(Map.of(), Map.of()).evaluate(project));
        assertTrue(e.getMessage().startsWith(project.toString()), e.getMessage());
        Path broken = write("q.vcxproj", "<Project " + NS + "><PropertyGroup>");
        assertThrows(VcxprojFormatException.class, () -> new ProjectEvaluator(Map.of(), Map.of()).evaluate(broken));
    }

    @Test
    void forceImportAfterCppTargets_globalIsImportedAtTheToolsetTargets() throws IOException {
        Path project = driverProject(dir);
        Path targets = write("plugin/hotpatch.targets", """
                <Project %s>
                  <ItemDefinitionGroup Condition="'$(Configuration)|$(Platform)'=='Release|ARM64'">
                    <Link><AdditionalOptions>%%(AdditionalOptions) /added</AdditionalOptions></Link>
                  </ItemDefinitionGroup>
                </Project>
                """.formatted(NS));
        ProjectEvaluator evaluator = new ProjectEvaluator(
                Map.of(), Map.of(ProjectEvaluator.FORCE_IMPORT_AFTER_CPP_TARGETS, targets.toString()));
        List<String> release = evaluator.evaluate(project, RELEASE_ARM64).linkOptions();
        assertEquals("/added", release.get(release.size() - 1));
        assertFalse(evaluator.evaluate(project, DEBUG_ARM64).linkOptions().contains("/added"));
    }
}
