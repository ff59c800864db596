package io.github.hotpatch.maven;

import io.github.hotpatch.cmake.BuildRequest;
import io.github.hotpatch.cmake.Builder;
import io.github.hotpatch.cmake.SystemHostTools;
import io.github.hotpatch.cmake.VariantBuilder;
import io.github.hotpatch.msbuild.ProjectBuildRequest;
import io.github.hotpatch.msbuild.ProjectBuilder;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRunner;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.profile.HotpatchProfile;
import io.github.hotpatch.profile.LinkerKind;
import java.io.File;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Builds the configured variants: {@code cmake --build}, or MSBuild directly on the generated project. */
@Mojo(name = "build", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class BuildMojo extends AbstractToolMojo {

    /** The configuration to build. */
    @Parameter(property = "hotpatch.buildConfig", defaultValue = "Release")
    String buildConfig;

    /** {@code cmake} ({@code cmake --build}) or {@code msbuild} (MSBuild on the target's vcxproj; Visual Studio generator only). */
    @Parameter(property = "hotpatch.builder", defaultValue = "cmake")
    String builder;

    /** MSBuild.exe to use with builder=msbuild (default: found with vswhere). */
    @Parameter(property = "hotpatch.msbuildExecutable")
    File msbuildExecutable;

    /**
     * A .vcxproj or .sln of your own (no CMake) to build with builder=msbuild: Release of {@code arch}, the profile's
     * flags passed through a .targets file in {@code projectBuildDirectory}; the project is never written to.
     */
    @Parameter(property = "hotpatch.project")
    File project;

    /** The platform a {@code project} build makes in Release: ARM64 or x64. */
    @Parameter(property = "hotpatch.arch", defaultValue = "ARM64")
    String arch;

    /** Where a {@code project} build's .targets file is written (the plugin's own directory). */
    @Parameter(
            property = "hotpatch.projectBuildDirectory",
            defaultValue = "${project.build.directory}/hotpatch/msbuild")
    File projectBuildDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("hotpatch:build skipped (hotpatch.skip)");
            return;
        }
        ToolRunner runner = new ToolRunner();
        SystemHostTools host = host(runner);
        if (project != null) {
            buildProject(runner, host);
            return;
        }
        try {
            BuildRequest request = new BuildRequest(
                    buildPath(),
                    selectedVariants(),
                    buildConfig,
                    target,
                    Builder.parse(builder),
                    cmakeExecutable,
                    Optional.ofNullable(msbuildExecutable).map(File::toPath),
                    Optional.ofNullable(vsVersion),
                    toolTimeout());
            new VariantBuilder(host, runner, buildLog())
                    .buildAll(request, runOptions(request.variants().size(), false));
        } catch (ToolException | IllegalArgumentException | IllegalStateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private void buildProject(ToolRunner runner, SystemHostTools host) throws MojoExecutionException {
        if (!"msbuild".equals(builder)) {
            throw new MojoExecutionException("hotpatch.project (" + project + ") is built by MSBuild: set"
                    + " builder=msbuild (hotpatch.builder is '" + builder + "')");
        }
        try {
            ProjectBuildRequest request = new ProjectBuildRequest(
                    project.toPath(),
                    Arch.parse(arch),
                    HotpatchProfile.of(Arch.parse(arch), LinkerKind.MSVC).flags(),
                    projectBuildDirectory.toPath(),
                    System.getenv(),
                    toolTimeout());
            new ProjectBuilder(runner, buildLog(), platform -> {
                        if (msbuildExecutable != null) {
                            return msbuildExecutable.toPath();
                        }
                        Optional<java.nio.file.Path> onPath = host.finder().find("MSBuild");
                        return onPath.isPresent() && !host.windows()
                                ? onPath.get()
                                : host.visualStudio(platform, Optional.ofNullable(vsVersion))
                                        .msbuildExecutable();
                    })
                    .build(request);
        } catch (ToolException | IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
