package io.github.hotpatch.verify;

import io.github.hotpatch.profile.Arch;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The inspect goal's work: one binary, every binary under a directory, or every binary inside a zip. */
public final class Inspector {

    /**
     * What was inspected: one subject per readable PE file, one entry per file that starts with {@code MZ} but could
     * not be read as PE, and the files skipped because their content is not PE at all (never a failure).
     */
    public record Result(
            boolean single,
            List<SubjectReport> subjects,
            List<UnreadableSubject> unreadable,
            List<SkippedFile> skipped) {
        public Result {
            subjects = List.copyOf(subjects);
            unreadable = List.copyOf(unreadable);
            skipped = List.copyOf(skipped);
        }

        public Result(boolean single, List<SubjectReport> subjects, List<UnreadableSubject> unreadable) {
            this(single, subjects, unreadable, List.of());
        }

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

    private Result many(Path root, Optional<Arch> arch, String label) throws IOException {
        List<SubjectReport> subjects = new ArrayList<>();
        List<UnreadableSubject> unreadable = new ArrayList<>();
        ArtifactScanner.Scan scan = ArtifactScanner.scan(root);
        boolean zip = label.endsWith("!");
        for (Path file : scan.candidates()) {
            String name = root.relativize(file).toString();
            try {
                BinaryEvidence evidence = BinaryEvidence.collect(file, Optional.empty());
                SubjectReport subject = BinaryInspection.inspect(name, evidence, arch, Optional.empty());
                subjects.add(zip ? inZip(subject, label + "/" + name) : subject);
            } catch (IOException e) {
                // One damaged file gets its own entry; the rest of the artifact is still checked.
                unreadable.add(new UnreadableSubject(
                        zip ? label + "/" + name : file.toString(),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        List<SkippedFile> skipped = new ArrayList<>();
        for (ArtifactScanner.Skipped s : scan.skipped()) {
            String name = root.relativize(s.file()).toString();
            skipped.add(new SkippedFile(zip ? label + "/" + name : s.file().toString(), s.reason()));
        }
        if (subjects.isEmpty() && unreadable.isEmpty()) {
            throw new IOException(label + ": no PE files (files starting with MZ) found; " + skipped.size()
                    + " other file(s) skipped");
        }
        return new Result(false, subjects, unreadable, skipped);
    }
}
