package io.github.hotpatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.profile.LinkerKind;
import io.github.hotpatch.profile.VariantState;
import io.github.hotpatch.testing.FileApiReplies;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What hotpatch:verify prints and at which level, on variants configured (state file and File API reply in place)
 * but never built, so the project and binary rules fail.
 */
class VerifyMojoConsoleTest {
    @TempDir
    Path dir;

    private VerifyMojo mojo(LevelLog log, String target) throws Exception {
        for (String name : List.of("arm64_schannel", "arm64_openssl")) {
            Path variant = dir.resolve("build").resolve(name);
            FileApiReplies.msquicMultiConfig().target("core", "STATIC_LIBRARY").writeTo(variant);
            new VariantState(name, Arch.ARM64, "Ninja Multi-Config", LinkerKind.LLD, true, List.of(), Optional.empty())
                    .write(variant);
        }
        VerifyMojo mojo = new VerifyMojo();
        mojo.setLog(log);
        mojo.sourceDirectory = dir.toFile();
        mojo.buildDirectory = dir.resolve("build").toFile();
        mojo.reportDirectory = dir.resolve("target/hotpatch").toFile();
        mojo.target = target;
        mojo.checkBinaries = true;
        mojo.pluginVersion = "test";
        return mojo;
    }

    @Test
    void failRowsAreErrorsAndFailOnViolationFalseEndsInOneNotReadyLine() throws Exception {
        LevelLog log = new LevelLog();
        VerifyMojo mojo = mojo(log, "msquic");
        mojo.failOnViolation = false;

        mojo.execute();

        List<String> errors = log.at("ERROR");
        assertTrue(
                errors.stream().anyMatch(l -> l.matches("arm64_schannel\\s+HP-BIN-000\\s+FAIL\\s+.*")),
                log.lines.toString());
        assertTrue(
                log.at("INFO").stream().noneMatch(l -> l.matches("\\S+\\s+HP-\\S+\\s+FAIL\\s.*")),
                "no FAIL row at INFO: " + log.at("INFO"));
        String last = log.lines.get(log.lines.size() - 1);
        assertTrue(
                last.startsWith("WARN NOT_READY: 2 of 2 variants not hotpatch-ready: arm64_schannel (HP-PRJ-001,"),
                last);
        assertTrue(last.endsWith("(failOnViolation=false, so the build goes on)"), last);
        assertEquals(1, log.lines.stream().filter(l -> l.contains("NOT_READY")).count(), log.lines.toString());
        assertFalse(log.lines.stream().anyMatch(l -> l.contains("violation: ")), "no line per violation any more");
    }

    @Test
    void aStaticLibraryTargetIsOneConfigurationErrorNotRuleViolations() throws Exception {
        VerifyMojo mojo = mojo(new LevelLog(), "core");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(
                e.getMessage()
                        .startsWith("hotpatch:verify: [arm64_schannel, arm64_openssl] target 'core' is a"
                                + " STATIC_LIBRARY, not a shared library (DLL)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("shared-library targets: msquic"), e.getMessage());
    }
}
