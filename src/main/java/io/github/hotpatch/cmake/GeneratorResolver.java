package io.github.hotpatch.cmake;

import io.github.hotpatch.process.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Chooses generator, toolchain and linker for a request, and says at once what is missing. */
public final class GeneratorResolver {
    private final HostTools host;

    public GeneratorResolver(HostTools host) {
        this.host = host;
    }

    public GeneratorSetup resolve(ConfigureRequest request) throws ToolException {
        List<String> missing = new ArrayList<>();
        if (findCmake(request.cmakeExecutable()).isEmpty()) {
            missing.add(request.cmakeExecutable());
        }
        String generator = request.generator();
        if (generator.isBlank() || generator.equalsIgnoreCase("auto")) {
            if (host.windows()) {
                String platform = request.variants().isEmpty() ? "ARM64" : request.variants().get(0).arch().platform;
                generator = host.visualStudio(platform, request.vsVersion()).cmakeGenerator();
            } else {
                generator = "Ninja Multi-Config";
            }
        }
        boolean vs = GeneratorSetup.isVisualStudio(generator);
        if (generator.startsWith("Ninja") && host.finder().find("ninja").isEmpty()) {
            missing.add("ninja");
        }
        Optional<LlvmCrossToolchain> llvm = Optional.empty();
        LinkerKind linker;
        if (vs) {
            linker = LinkerKind.MSVC;
        } else if (request.toolchainFile().isPresent()) {
            linker = linkerOfToolchainFile(request.toolchainFile().get(), request.linker());
        } else if (host.windows()) {
            linker = explicitLinker(request.linker()).orElse(LinkerKind.MSVC);
        } else {
            llvm = LlvmCrossToolchain.findNewest(host.finder());
            if (llvm.isEmpty()) {
                missing.add("clang-cl-NN, lld-link-NN and llvm-lib-NN (one LLVM release)");
            }
            linker = LinkerKind.LLD;
        }
        if (!missing.isEmpty()) {
            throw new ToolException("hotpatch:configure cannot run: not found on PATH: " + String.join(", ", missing)
                    + ". " + (host.windows() ? "Install CMake, Ninja and Visual Studio's C++ tools." : "To cross-build Windows"
                    + " binaries here, " + LlvmCrossToolchain.INSTALL_HINT + "."));
        }
        if (llvm.isPresent() && request.hotpatch() && llvm.get().version() < HotpatchProfile.MIN_LLD_MAJOR) {
            throw new ToolException("lld-link-" + llvm.get().version() + " is the newest lld-link on PATH, but"
                    + " /hotpatchcompatible needs lld-link " + HotpatchProfile.MIN_LLD_MAJOR + " or newer: "
                    + LlvmCrossToolchain.INSTALL_HINT + " (or set <hotpatch>false</hotpatch>)");
        }
        return new GeneratorSetup(generator, vs, GeneratorSetup.isMultiConfig(generator), linker, llvm);
    }

    /** The cmake executable: a path as given, or a name looked up on PATH. */
    public Optional<Path> findCmake(String cmake) {
        Path asPath = Path.of(cmake);
        if (asPath.getNameCount() > 1 || asPath.isAbsolute()) {
            return Files.isExecutable(asPath) ? Optional.of(asPath) : Optional.empty();
        }
        return host.finder().find(cmake);
    }

    private static Optional<LinkerKind> explicitLinker(String linker) {
        return switch (linker.toLowerCase(Locale.ROOT)) {
            case "msvc", "link" -> Optional.of(LinkerKind.MSVC);
            case "lld", "lld-link" -> Optional.of(LinkerKind.LLD);
            case "", "auto" -> Optional.empty();
            default -> throw new IllegalArgumentException("unknown linker '" + linker + "': expected auto, msvc or lld");
        };
    }

    /** A user toolchain file that names lld-link links with lld; otherwise MSVC, unless {@code linker} says. */
    static LinkerKind linkerOfToolchainFile(Path file, String linker) throws ToolException {
        Optional<LinkerKind> explicit = explicitLinker(linker);
        if (explicit.isPresent()) {
            return explicit.get();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            return text.contains("lld-link") || text.contains("lld") && text.contains("cmake_linker") ? LinkerKind.LLD
                    : LinkerKind.MSVC;
        } catch (IOException e) {
            throw new ToolException("cannot read toolchainFile " + file + ": " + e.getMessage());
        }
    }
}
