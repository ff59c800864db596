package io.github.hotpatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** The {@code timeout} parameter of configure and build: seconds, 0 = the 4-hour default, {@code -Dhotpatch.timeout}. */
@MojoTest
class TimeoutParameterTest {

    @Test
    @InjectMojo(goal = "configure")
    void defaultIsFourHours(ConfigureMojo mojo) throws Exception {
        assertEquals(0, mojo.timeout);
        assertEquals(Duration.ofHours(4), mojo.toolTimeout());
    }

    @Test
    @InjectMojo(goal = "build")
    @MojoParameter(name = "timeout", value = "90")
    void secondsBecomeTheLimit(BuildMojo mojo) throws Exception {
        assertEquals(Duration.ofSeconds(90), mojo.toolTimeout());
    }

    @Test
    @InjectMojo(goal = "build")
    @MojoParameter(name = "timeout", value = "-5")
    void negativeIsRefused(BuildMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::toolTimeout);
        assertEquals("timeout must be 0 (the default limit of 4 hours) or a number of seconds, not -5", e.getMessage());
    }
}
