package io.github.hotpatch.cmake;

import io.github.hotpatch.msbuild.VisualStudioInstance;
import io.github.hotpatch.profile.LinkerKind;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the variants are generated: the generator, its platform argument, and which linker the hotpatch
 * profile is for.
 *
 * @param generator      CMake generator name
 * @param visualStudio   true for the Visual Studio generators ({@code -A <platform>}, vcxproj output)
 * @param multiConfig    true when one build tree holds Debug and Release (no CMAKE_BUILD_TYPE)
 * @param linker         the linker the generated project uses
 * @param llvmToolchain  the LLVM tools to write a cross toolchain file for, when the plugin generates one
 * @param cmake          the cmake executable that was found and version-checked: the one every run starts
 * @param makeProgram    the ninja that was found, for a Ninja generator ({@code CMAKE_MAKE_PROGRAM})
 * @param vsInstance     the Visual Studio installation chosen for a Visual Studio generator
 *     ({@code CMAKE_GENERATOR_INSTANCE})
 */
public record GeneratorSetup(
        String generator,
        boolean visualStudio,
        boolean multiConfig,
        LinkerKind linker,
        Optional<LlvmCrossToolchain> llvmToolchain,
        Path cmake,
        Optional<Path> makeProgram,
        Optional<VisualStudioInstance> vsInstance) {

    public GeneratorSetup {
        Objects.requireNonNull(cmake, "cmake");
        Objects.requireNonNull(makeProgram, "makeProgram");
        Objects.requireNonNull(vsInstance, "vsInstance");
    }

    /** A setup that runs {@code cmake} as it is named, with no make program or instance chosen (tests). */
    public GeneratorSetup(
            String generator,
            boolean visualStudio,
            boolean multiConfig,
            LinkerKind linker,
            Optional<LlvmCrossToolchain> llvmToolchain) {
        this(
                generator,
                visualStudio,
                multiConfig,
                linker,
                llvmToolchain,
                Path.of("cmake"),
                Optional.empty(),
                Optional.empty());
    }

    public static boolean isVisualStudio(String generator) {
        return generator.startsWith("Visual Studio");
    }

    public static boolean isMultiConfig(String generator) {
        return isVisualStudio(generator) || generator.equals("Ninja Multi-Config") || generator.equals("Xcode");
    }
}
