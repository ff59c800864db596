package io.github.hotpatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.hotpatch.cmake.BuildVariant;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** -Dhotpatch.selectedVariants names the parameter's own word, and wins over the older -Dhotpatch.variants. */
@MojoTest
class SelectedVariantsPropertyTest {

    @Inject
    MavenSession session;

    @BeforeEach
    void commandLine() {
        session.getUserProperties().setProperty("hotpatch.selectedVariants", "arm64_schannel");
        session.getUserProperties().setProperty("hotpatch.variants", "arm64_openssl");
    }

    @Test
    @InjectMojo(goal = "verify")
    void theNewPropertyWins(VerifyMojo mojo) throws Exception {
        assertEquals(
                List.of("arm64_schannel"),
                mojo.selectedVariants().stream().map(BuildVariant::name).toList());
    }
}
