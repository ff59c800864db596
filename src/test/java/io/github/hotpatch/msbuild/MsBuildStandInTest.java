package io.github.hotpatch.msbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRunner;
import io.github.hotpatch.testing.StandIn;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vswhere at the process boundary: recorded-argument stand-ins, no real Visual Studio. */
class MsBuildStandInTest {
    @TempDir
    Path dir;

    @Test
    void vswhereStandIn_pinnedVersionIsPassedAsARange() throws Exception {
        StandIn vswhere = StandIn.create(dir, "vswhere", """
                [{"installationPath": "/vs/2022", "installationVersion": "17.9.1"}]
                """, 0);
        VisualStudioInstance vs =
                new VisualStudioLocator(new ToolRunner(), vswhere.executable()).locate("x64", Optional.of(17));
        assertEquals("Visual Studio 17 2022", vs.cmakeGenerator());
        assertEquals(Path.of("/vs/2022/MSBuild/Current/Bin/MSBuild.exe"), vs.msbuildExecutable("amd64"));
        assertTrue(!vswhere.arguments().contains("-prerelease"), "previews only when asked for");
        List<String> args = vswhere.arguments();
        assertTrue(
                args.containsAll(List.of("-requires", "Microsoft.VisualStudio.Component.VC.Tools.x86.x64")),
                args.toString());
        assertEquals(List.of("-version", "[17,18)"), args.subList(args.size() - 2, args.size()));
    }

    @Test
    void vswhereStandIn_previewsOnlyWhenAskedFor() throws Exception {
        StandIn vswhere = StandIn.create(dir, "vswhere", """
                [{"installationPath": "/vs/2022", "installationVersion": "17.9.1"},
                 {"installationPath": "/vs/18p", "installationVersion": "18.1.0", "isPrerelease": true}]
                """, 0);
        List<VisualStudioInstance> all = new VisualStudioLocator(new ToolRunner(), vswhere.executable(), true)
                .locateAll("ARM64", Optional.empty());
        assertEquals(
                List.of("18.1.0", "17.9.1"),
                all.stream().map(VisualStudioInstance::installationVersion).toList());
        assertTrue(
                vswhere.arguments().contains("-prerelease"), vswhere.arguments().toString());
    }

    @Test
    void vswhereStandIn_noInstanceSaysWhatToInstall() throws Exception {
        StandIn vswhere = StandIn.create(dir, "vswhere", "[]", 0);
        ToolException e = assertThrows(
                ToolException.class,
                () -> new VisualStudioLocator(new ToolRunner(), vswhere.executable())
                        .locate("ARM64", Optional.empty()));
        assertTrue(e.getMessage().contains("Microsoft.VisualStudio.Component.VC.Tools.ARM64"), e.getMessage());
        assertTrue(e.getMessage().contains("Visual Studio Installer"), e.getMessage());
    }

    @Test
    void vswhereStandIn_garbageOutputIsAClearError() throws Exception {
        StandIn vswhere = StandIn.create(dir, "vswhere", "not json", 0);
        ToolException e = assertThrows(
                ToolException.class,
                () -> new VisualStudioLocator(new ToolRunner(), vswhere.executable())
                        .locate("ARM64", Optional.empty()));
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
    }

    @Test
    void msbuildCommandBuildsOneConfigurationAndPlatform() {
        assertEquals(
                List.of(
                        "MSBuild.exe",
                        "p.vcxproj",
                        "/p:Configuration=Release",
                        "/p:Platform=ARM64",
                        "/p:VisualStudioVersion=18.0",
                        "/m",
                        "/nr:false",
                        "/nologo"),
                MsBuildCommand.of(
                        Path.of("MSBuild.exe"), Path.of("p.vcxproj"), "Release", "ARM64", Optional.of("18.0")));
    }
}
