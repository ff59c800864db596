package io.github.hotpatch.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a rule result's file into a SARIF artifactLocation: relative to the base directory (with a
 * uriBaseId, so viewers can re-root it) when the file lies under it, an absolute file URI otherwise.
 */
final class SarifLocations {

    /** The uriBaseId for files under the base directory; SRCROOT is the name SARIF's examples use. */
    static final String BASE_ID = "SRCROOT";

    private final Path baseDir;

    SarifLocations(Path baseDir) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
    }

    Map<String, Object> originalUriBaseIds() {
        // A base URI must end with a slash, or relative URIs would resolve against its parent.
        String uri = baseDir.toUri().toString();
        return Map.of(BASE_ID, Map.of("uri", uri.endsWith("/") ? uri : uri + "/"));
    }

    Map<String, Object> artifactLocation(String file) {
        Map<String, Object> location = new LinkedHashMap<>();
        Path resolved;
        try {
            resolved = baseDir.resolve(Path.of(file)).normalize();
        } catch (InvalidPathException e) {
            // Not a path on this OS (e.g. a NUL byte): still report it, as an encoded relative reference.
            location.put("uri", encode(file));
            return location;
        }
        if (resolved.startsWith(baseDir) && !resolved.equals(baseDir)) {
            location.put("uri", relativeUri(baseDir.relativize(resolved)));
            location.put("uriBaseId", BASE_ID);
        } else {
            location.put("uri", resolved.toUri().toString());
        }
        return location;
    }

    /** Joins the path's names with '/' (not the platform separator) and percent-encodes them. */
    private static String relativeUri(Path relative) {
        StringBuilder path = new StringBuilder();
        for (Path name : relative) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(name);
        }
        return encode(path.toString());
    }

    private static String encode(String path) {
        // A ':' before the first '/' would read as a URI scheme; "./" keeps it a relative reference.
        int colon = path.indexOf(':');
        int slash = path.indexOf('/');
        String reference = colon >= 0 && (slash < 0 || colon < slash) ? "./" + path : path;
        try {
            return new URI(null, null, reference, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot express " + path + " as a URI", e);
        }
    }
}
