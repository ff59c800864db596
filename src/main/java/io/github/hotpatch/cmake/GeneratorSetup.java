package io.github.hotpatch.cmake;

import io.github.hotpatch.profile.LinkerKind;
import java.util.Optional;

/**
 * How the variants are generated: the generator, its platform argument, and which linker the hotpatch
 * profile is for.
 *
 * @param generator     CMake generator name
 * @param visualStudio  true for the Visual Studio generators ({@code -A <platform>}, vcxproj output)
 * @param multiConfig   true when one build tree holds Debug and Release (no CMAKE_BUILD_TYPE)
 * @param linker        the linker the generated project uses
 * @param llvmToolchain the LLVM tools to write a cross toolchain file for, when the plugin generates one
 */
public record GeneratorSetup(
        String generator,
        boolean visualStudio,
        boolean multiConfig,
        LinkerKind linker,
        Optional<LlvmCrossToolchain> llvmToolchain) {

    public static boolean isVisualStudio(String generator) {
        return generator.startsWith("Visual Studio");
    }

    public static boolean isMultiConfig(String generator) {
        return isVisualStudio(generator) || generator.equals("Ninja Multi-Config") || generator.equals("Xcode");
    }
}
