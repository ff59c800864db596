package io.github.hotpatch.verify;

import io.github.hotpatch.profile.Arch;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inspect goal's work: one binary, every binary under a directory, or every binary inside a zip; or a
 * hand-written .vcxproj, or every .vcxproj under a directory that holds no PE file (a directory with binaries is
 * inspected for its binaries, as before, so a CMake build tree's generated projects are not judged as hand-written).
 */
public final class Inspector {

    /** What was inspected: one subject per readable PE file, one entry per unreadable one. */
    public record Result(boolean single, List<SubjectReport> subjects, List<UnreadableSubject> unreadable) {
        public boolean ready() {
            return unreadable.isEmpty()
                    && !subjects.isEmpty()
                    && subjects.stream().allMatch(SubjectReport::passed);
        }
    }

    /**
     * @param target a PE file, a directory or a zip
     * @param pdb    the PDB of a single file (ignored for directories and zips: PDBs are found beside each image)
     * @param arch   the arch every image must have, or empty for any ARM64/x64
     * @throws IOException when {@code target} is a single file that cannot be read as PE (one clear line)
     */
    public Result inspect(Path target, Optional<Path> pdb, Optional<Arch> arch) throws IOException {
        if (!Files.exists(target)) {
            throw new IOException(target + ": no such file or directory");
        }
        if (HandWrittenProjectInspection.isProject(target) && Files.isRegularFile(target)) {
            return new Result(true, List.of(HandWrittenProjectInspection.inspect(target)), List.of());
        }
        if (Files.isDirectory(target)
                && ArtifactScanner.candidates(target).isEmpty()
                && !HandWrittenProjectInspection.projectsUnder(target).isEmpty()) {
            return projects(target);
        }
        if (Files.isDirectory(target)) {
            return many(target, arch, target.toString());
        }
        if (ArtifactScanner.isZip(target)) {
            try (FileSystem zip = ArtifactScanner.openZip(target)) {
                return many(zip.getPath("/"), arch, target + "!");
            }
        }
        BinaryEvidence evidence = BinaryEvidence.collect(target, pdb);
        return new Result(
                true,
                List.of(BinaryInspection.inspect(target.getFileName().toString(), evidence, arch, Optional.empty())),
                List.of());
    }

    /** A report's file names the zip it came from ({@code artifact.zip!/bin/x.dll}), not a path inside the zip. */
    private static SubjectReport inZip(SubjectReport subject, String file) {
        java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>(subject.facts());
        facts.put("file", file);
        return new SubjectReport(subject.name(), subject.kind(), subject.arch(), subject.results(), facts);
    }

    /** A directory of hand-written projects: each .vcxproj under it, one subject each. */
    private static Result projects(Path root) throws IOException {
        List<SubjectReport> subjects = new ArrayList<>();
        List<UnreadableSubject> unreadable = new ArrayList<>();
        for (Path project : HandWrittenProjectInspection.projectsUnder(root)) {
            try {
                subjects.add(HandWrittenProjectInspection.inspect(project));
            } catch (IOException e) {
                unreadable.add(new UnreadableSubject(
                        project.toString(),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return new Result(false, subjects, unreadable);
    }

    private Result many(Path root, Optional<Arch> arch, String label) throws IOException {
        List<SubjectReport> subjects = new ArrayList<>();
        List<UnreadableSubject> unreadable = new ArrayList<>();
        for (Path file : ArtifactScanner.candidates(root)) {
            String name = root.relativize(file).toString();
            try {
                BinaryEvidence evidence = BinaryEvidence.collect(file, Optional.empty());
                SubjectReport subject = BinaryInspection.inspect(name, evidence, arch, Optional.empty());
                subjects.add(label.endsWith("!") ? inZip(subject, label + "/" + name) : subject);
            } catch (IOException e) {
                // One damaged file gets its own entry; the rest of the artifact is still checked.
                unreadable.add(new UnreadableSubject(
                        label.endsWith("!") ? label + "/" + name : file.toString(),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        if (subjects.isEmpty() && unreadable.isEmpty()) {
            throw new IOException(label + ": no PE files (.dll, .exe, .node, .sys or files starting with MZ) found");
        }
        return new Result(false, subjects, unreadable);
    }
}
