package io.github.hotpatch.maven;

import io.github.hotpatch.cmake.BuildVariant;
import io.github.hotpatch.process.BuildLog;
import io.github.hotpatch.profile.Arch;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters every variant goal shares: where the native project is, where it builds, which variants. */
abstract class AbstractVariantsMojo extends AbstractMojo {

    /** The native CMake project (its top-level CMakeLists.txt). Never modified by the plugin. */
    @Parameter(property = "hotpatch.sourceDirectory", defaultValue = "${project.basedir}")
    File sourceDirectory;

    /** Parent of the variants' build directories; default {@code <sourceDirectory>/build/windows}, msquic's layout. */
    @Parameter(property = "hotpatch.buildDirectory")
    File buildDirectory;

    /**
     * The variants to build, each into {@code <buildDirectory>/<name>}. Default: msquic's {@code arm64_schannel}
     * ({@code QUIC_TLS_LIB=schannel}) and {@code arm64_openssl} ({@code QUIC_TLS_LIB=openssl}), both ARM64. Each is
     * {@code <variant><name>arm64_openssl</name><arch>ARM64</arch><cacheEntries><QUIC_TLS_LIB>openssl</QUIC_TLS_LIB>
     * </cacheEntries></variant>}; names are plain directory names, arch is ARM64 or x64.
     */
    @Parameter
    List<Variant> variants;

    /**
     * Comma-separated names of the variants to run, a subset of {@code variants}, e.g.
     * {@code -Dhotpatch.selectedVariants=arm64_openssl}; default all. The older names still work: the parameter
     * {@code variantSelection} and the user property {@code hotpatch.variants}.
     */
    @Parameter(property = "hotpatch.selectedVariants", alias = "variantSelection")
    String selectedVariants;

    /** The older user property for {@code selectedVariants}, read when that is not set. */
    @Parameter(defaultValue = "${hotpatch.variants}", readonly = true)
    String variantsUserProperty;

    /** The CMake target that makes the DLL (msquic's library target by default): built, verified and attached. */
    @Parameter(property = "hotpatch.target", defaultValue = "msquic")
    String target;

    /** Skips the goal. */
    @Parameter(property = "hotpatch.skip", defaultValue = "false")
    boolean skip;

    Path sourcePath() {
        return sourceDirectory.toPath().toAbsolutePath().normalize();
    }

    Path buildPath() {
        return buildDirectory != null
                ? buildDirectory.toPath().toAbsolutePath().normalize()
                : sourcePath().resolve("build").resolve("windows");
    }

    /** The configured variants (or msquic's defaults), narrowed to {@code hotpatch.variants} when given. */
    List<BuildVariant> selectedVariants() throws MojoExecutionException {
        List<BuildVariant> all = new ArrayList<>();
        try {
            if (variants == null || variants.isEmpty()) {
                all.addAll(BuildVariant.msquicDefaults());
            } else {
                for (Variant v : variants) {
                    all.add(new BuildVariant(v.getName(), Arch.parse(v.getArch()), v.getCacheEntries()));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        Set<String> names = all.stream().map(BuildVariant::name).collect(Collectors.toCollection(LinkedHashSet::new));
        if (names.size() != all.size()) {
            throw new MojoExecutionException("variant names must be unique: "
                    + all.stream().map(BuildVariant::name).toList());
        }
        String selection =
                selectedVariants != null && !selectedVariants.isBlank() ? selectedVariants : variantsUserProperty;
        if (selection == null || selection.isBlank() || selection.startsWith("${")) {
            return all;
        }
        List<String> wanted = Arrays.stream(selection.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        for (String name : wanted) {
            if (!names.contains(name)) {
                throw new MojoExecutionException("selectedVariants (-Dhotpatch.selectedVariants) names '" + name
                        + "', which is not a configured variant;" + " configured: " + String.join(", ", names));
            }
        }
        return all.stream().filter(v -> wanted.contains(v.name())).toList();
    }

    BuildLog buildLog() {
        return new MavenBuildLog(getLog());
    }
}
