package io.github.hotpatch.profile;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code hotpatch:configure} did to a variant, kept in its build directory so that build and verify
 * (later goals, maybe later Maven runs) check against the same profile.
 *
 * @param variant   the variant name
 * @param arch      target arch
 * @param generator the CMake generator used
 * @param linker    the linker the profile was chosen for
 * @param hotpatch  whether hotpatch flags were injected
 * @param flags     the injected flags (empty when hotpatch is off)
 * @param deviation why the profile differs from the reference one, if it does
 */
public record VariantState(
        String variant,
        Arch arch,
        String generator,
        LinkerKind linker,
        boolean hotpatch,
        List<String> flags,
        Optional<String> deviation) {

    public static final String FILE_NAME = "hotpatch-variant.properties";

    public VariantState {
        flags = List.copyOf(flags);
    }

    public void write(Path variantDirectory) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("variant", variant);
        p.put("arch", arch.name());
        p.put("generator", generator);
        p.put("linker", linker.name());
        p.put("hotpatch", Boolean.toString(hotpatch));
        p.put("flags", String.join(" ", flags));
        deviation.ifPresent(d -> p.put("deviation", d));
        Files.writeString(
                variantDirectory.resolve(FILE_NAME),
                PropertiesText.of("written by hotpatch:configure; read by hotpatch:build and hotpatch:verify", p),
                StandardCharsets.ISO_8859_1);
    }

    /** Reads the state; a clear error when the variant was not configured by this plugin. */
    public static VariantState read(Path variantDirectory) throws IOException {
        Path file = variantDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException("variant directory " + variantDirectory + " was not configured by hotpatch:configure"
                    + " (no " + FILE_NAME + "): run the configure goal first");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            String flags = p.getProperty("flags", "").trim();
            return new VariantState(
                    required(p, "variant", file),
                    Arch.valueOf(required(p, "arch", file)),
                    required(p, "generator", file),
                    LinkerKind.valueOf(required(p, "linker", file)),
                    Boolean.parseBoolean(required(p, "hotpatch", file)),
                    flags.isEmpty() ? List.of() : Arrays.asList(flags.split(" +")),
                    Optional.ofNullable(p.getProperty("deviation")));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage() + " (expected a file written by hotpatch:configure)");
        }
    }

    private static String required(Properties p, String key, Path file) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IOException(file + ": missing key '" + key + "' (expected a file written by hotpatch:configure)");
        }
        return value;
    }
}
