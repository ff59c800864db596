package io.github.hotpatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code -Dhotpatch.timeout=7} on the command line (the session's user properties are read at injection). */
@MojoTest
class TimeoutUserPropertyTest {

    @Inject
    MavenSession session;

    @BeforeEach
    void commandLine() {
        session.getUserProperties().setProperty("hotpatch.timeout", "7");
    }

    @Test
    @InjectMojo(goal = "configure")
    void configureReadsIt(ConfigureMojo mojo) throws Exception {
        assertEquals(Duration.ofSeconds(7), mojo.toolTimeout());
    }

    @Test
    @InjectMojo(goal = "build")
    void buildReadsIt(BuildMojo mojo) throws Exception {
        assertEquals(Duration.ofSeconds(7), mojo.toolTimeout());
    }
}
