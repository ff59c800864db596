package io.github.hotpatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.cmake.BuildVariant;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code -Dhotpatch.*} user properties reach the mojo fields through the descriptor's property
 * expressions, as on the command line. The harness's MavenSession is a mock whose user properties the
 * expression evaluator reads when the mojo is injected, i.e. after this class's {@code @BeforeEach}.
 */
@MojoTest
class UserPropertiesTest {

    @Inject
    MavenSession session;

    @BeforeEach
    void commandLine() {
        session.getUserProperties().setProperty("hotpatch.variants", "arm64_openssl");
        session.getUserProperties().setProperty("hotpatch.hotpatch", "false");
        session.getUserProperties().setProperty("hotpatch.hotpatchFlags", "/hotpatchcompatible,/profile");
        session.getUserProperties().setProperty("hotpatch.buildConfig", "Debug");
        session.getUserProperties().setProperty("hotpatch.skip", "true");
    }

    @Test
    @InjectMojo(goal = "configure")
    void configureReadsTheCommandLineProperties(ConfigureMojo mojo) throws Exception {
        assertEquals(
                List.of("arm64_openssl"),
                mojo.selectedVariants().stream().map(BuildVariant::name).toList(),
                "-Dhotpatch.variants narrows msquic's defaults");
        assertFalse(mojo.hotpatch);
        assertEquals(
                List.of("/hotpatchcompatible", "/profile"), mojo.hotpatchFlags, "comma-separated on the command line");
        assertTrue(mojo.skip);
    }

    @Test
    @InjectMojo(goal = "build")
    void buildReadsTheCommandLineProperties(BuildMojo mojo) throws Exception {
        assertEquals(
                List.of("arm64_openssl"),
                mojo.selectedVariants().stream().map(BuildVariant::name).toList());
        assertEquals("Debug", mojo.buildConfig);
        assertTrue(mojo.skip);
    }
}
