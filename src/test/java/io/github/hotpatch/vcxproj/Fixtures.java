package io.github.hotpatch.vcxproj;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates the .vcxproj fixtures under src/test/resources/vcxproj. */
final class Fixtures {

    private Fixtures() {}

    static Path vcxproj(String name) {
        URL url = Fixtures.class.getResource("/vcxproj/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource vcxproj/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
