package io.github.hotpatch.maven;

import io.github.hotpatch.artifact.AttachableFile;
import io.github.hotpatch.artifact.VariantArtifacts;
import java.io.File;
import java.io.IOException;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Attaches each variant's built DLL, PDB and import library, and a zip of the three, to the project, so
 * {@code install} and {@code deploy} publish them: classifier = the variant name with '_' as '-'
 * ({@code arm64_schannel} → {@code arm64-schannel}), types {@code dll}, {@code pdb}, {@code lib} and {@code zip}.
 * The files are found through the CMake File API reply of each variant's build directory.
 */
@Mojo(name = "attach", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class AttachMojo extends AbstractVariantsMojo {

    /** The configuration whose outputs are attached. */
    @Parameter(property = "hotpatch.buildConfig", defaultValue = "Release")
    String buildConfig;

    /** Where each variant's zip, {@code <target>-<classifier>.zip}, is written. */
    @Parameter(property = "hotpatch.zipDirectory", defaultValue = "${project.build.directory}/hotpatch")
    File zipDirectory;

    /** The project the files are attached to. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    private final MavenProjectHelper projectHelper;

    @Inject
    public AttachMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("hotpatch:attach skipped (hotpatch.skip)");
            return;
        }
        List<AttachableFile> files;
        try {
            files = new VariantArtifacts(
                            buildPath(),
                            target,
                            buildConfig,
                            zipDirectory.toPath().toAbsolutePath())
                    .collect(selectedVariants());
        } catch (VariantArtifacts.NotAttachable e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "hotpatch:attach cannot write a zip to " + zipDirectory + ": " + e.getMessage(), e);
        }
        for (AttachableFile file : files) {
            projectHelper.attachArtifact(
                    project, file.type(), file.classifier(), file.file().toFile());
            getLog().info("attached " + file.classifier() + " " + file.type() + ": " + file.file());
        }
    }
}
