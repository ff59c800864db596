package io.github.hotpatch.maven;

import io.github.hotpatch.cmake.CMakeVersionCache;
import io.github.hotpatch.cmake.ConfigureRequest;
import io.github.hotpatch.cmake.SystemHostTools;
import io.github.hotpatch.cmake.VariantConfigurer;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRunner;
import io.github.hotpatch.profile.LinkerKind;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Configures each variant with CMake, adding the hotpatch linker flags to CMAKE_SHARED_LINKER_FLAGS_RELEASE
 * (Release only, the profile chosen by arch and linker) without editing the native project.
 */
@Mojo(name = "configure", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class ConfigureMojo extends AbstractToolMojo {

    /** Cache entries for every variant ({@code -DKEY=VALUE}); a variant's own cacheEntries win. */
    @Parameter
    LinkedHashMap<String, String> cacheEntries;

    /** CMake generator; {@code auto} = newest Visual Studio on Windows, Ninja Multi-Config + LLVM cross toolchain elsewhere. */
    @Parameter(property = "hotpatch.generator", defaultValue = "auto")
    String generator;

    /** A CMake toolchain file to use instead of the one the plugin generates for LLVM cross builds. */
    @Parameter(property = "hotpatch.toolchainFile")
    File toolchainFile;

    /** Which linker's profile applies with a user toolchain file: auto (inferred from the file), msvc or lld. */
    @Parameter(property = "hotpatch.linker", defaultValue = "auto")
    String linker;

    /** Adds the hotpatch flags; false configures without them (and removes flags of an earlier configure). */
    @Parameter(property = "hotpatch.hotpatch", defaultValue = "true")
    boolean hotpatch;

    /** Replaces the profile's flags (one linker switch per entry; comma-separated on the command line). */
    @Parameter(property = "hotpatch.hotpatchFlags")
    List<String> hotpatchFlags;

    /**
     * A compiler cache in front of every compile ({@code CMAKE_C_COMPILER_LAUNCHER}/{@code CMAKE_CXX_COMPILER_LAUNCHER},
     * Ninja and Makefile generators): {@code auto} = sccache, else ccache, when on PATH; a name or path; or
     * {@code none}. With one, debug information is requested embedded in the objects
     * ({@code CMAKE_MSVC_DEBUG_INFORMATION_FORMAT=Embedded}), which a cache can store; the build logs the cache's hits
     * and misses.
     */
    @Parameter(property = "hotpatch.compilerLauncher", defaultValue = "none")
    String compilerLauncher;

    /** Configure even when nothing changed since the last successful configure of a variant. */
    @Parameter(property = "hotpatch.force", defaultValue = "false")
    boolean force;

    /** Where the plugin remembers which cmake it already checked, so an unchanged cmake is not probed every run. */
    @Parameter(defaultValue = "${project.build.directory}/hotpatch/cmake-version.properties", readonly = true)
    File cmakeVersionCache;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("hotpatch:configure skipped (hotpatch.skip)");
            return;
        }
        // Parsed here, so a bad value (linker=gold) fails naming the parameter whichever generator is chosen.
        Optional<LinkerKind> linkerChoice;
        try {
            linkerChoice = LinkerKind.parseChoice(linker);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("hotpatch.linker: " + e.getMessage(), e);
        }
        ConfigureRequest request;
        try {
            request = new ConfigureRequest(
                    sourcePath(),
                    buildPath(),
                    selectedVariants(),
                    cacheEntries == null ? Map.of() : new LinkedHashMap<>(cacheEntries),
                    generator,
                    Optional.ofNullable(toolchainFile).map(File::toPath),
                    linkerChoice,
                    hotpatch,
                    hotpatchFlags == null ? List.of() : hotpatchFlags,
                    cmakeExecutable,
                    Optional.ofNullable(vsVersion),
                    toolTimeout(),
                    compilerLauncher);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        ToolRunner runner = new ToolRunner();
        SystemHostTools host = host(runner);
        try {
            new VariantConfigurer(
                            host,
                            runner,
                            buildLog(),
                            new CMakeVersionCache(
                                    Optional.ofNullable(cmakeVersionCache).map(File::toPath)))
                    .configureAll(request, runOptions(request.variants().size(), force));
        } catch (ToolException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
