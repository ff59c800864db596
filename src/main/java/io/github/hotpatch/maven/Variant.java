package io.github.hotpatch.maven;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code <variant>} in the plugin configuration:
 * <pre>{@code <variant><name>arm64_openssl</name><arch>ARM64</arch>
 *   <cacheEntries><QUIC_TLS_LIB>openssl</QUIC_TLS_LIB></cacheEntries></variant>}</pre>
 */
public class Variant {
    private String name;
    private String arch = "ARM64";
    // LinkedHashMap: Maven then keeps the pom's order, so -D arguments reach cmake in the order written.
    private LinkedHashMap<String, String> cacheEntries = new LinkedHashMap<>();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getArch() {
        return arch;
    }

    public void setArch(String arch) {
        this.arch = arch;
    }

    public Map<String, String> getCacheEntries() {
        return cacheEntries;
    }

    public void setCacheEntries(LinkedHashMap<String, String> cacheEntries) {
        this.cacheEntries = cacheEntries == null ? new LinkedHashMap<>() : new LinkedHashMap<>(cacheEntries);
    }
}
