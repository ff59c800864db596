package io.github.hotpatch.maven;

import io.github.hotpatch.cmake.BuildRequest;
import io.github.hotpatch.cmake.Builder;
import io.github.hotpatch.cmake.SystemHostTools;
import io.github.hotpatch.cmake.VariantBuilder;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRunner;
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

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("hotpatch:build skipped (hotpatch.skip)");
            return;
        }
        ToolRunner runner = new ToolRunner();
        SystemHostTools host = host(runner);
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
}
