package io.github.hotpatch.verify;

import io.github.hotpatch.profile.Arch;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The inspect goal's work: one binary, every binary under a directory, or every binary inside a zip. */
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
     * One input of a combined inspection (a fan-in over deployed artifacts).
     *
     * @param origin where it came from, e.g. the artifact's coordinates; every entry it yields names it
     * @param file   a PE file, a zip (read in place) or a directory
     * @param pdb    the PDB of a PE file (empty: beside it, or the RSDS path)
     */
    public record Input(String origin, Path file, Optional<Path> pdb) {}

    /**
     * Inspects every input into one result: a zip or directory yields one subject per image inside, named
     * {@code <origin>!/<entry>}; a PE file yields one subject named {@code <origin>}. Each subject's facts start with
     * {@code artifact} (the origin). An input that cannot be read at all (not a PE file, a damaged zip, a zip without
     * images) is an unreadable entry naming its origin; the other inputs are still checked.
     */
    public Result inspectAll(List<Input> inputs, Optional<Arch> arch) throws IOException {
        List<SubjectReport> subjects = new ArrayList<>();
        List<UnreadableSubject> unreadable = new ArrayList<>();
        for (Input input : inputs) {
            Path file = input.file();
            try {
                if (Files.isDirectory(file) || ArtifactScanner.isZip(file)) {
                    Result inside;
                    if (Files.isDirectory(file)) {
                        inside = many(file, arch, file.toString());
                    } else {
                        try (FileSystem zip = ArtifactScanner.openZip(file)) {
                            inside = many(zip.getPath("/"), arch, file + "!");
                        }
                    }
                    for (SubjectReport s : inside.subjects()) {
                        subjects.add(withOrigin(s, input.origin() + "!/" + s.name(), input.origin()));
                    }
                    for (UnreadableSubject u : inside.unreadable()) {
                        unreadable.add(new UnreadableSubject(u.file(), u.error(), input.origin()));
                    }
                } else {
                    BinaryEvidence evidence = BinaryEvidence.collect(file, input.pdb());
                    SubjectReport s = BinaryInspection.inspect(input.origin(), evidence, arch, Optional.empty());
                    subjects.add(withOrigin(s, input.origin(), input.origin()));
                }
            } catch (IOException e) {
                unreadable.add(new UnreadableSubject(
                        file.toString(),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                        input.origin()));
            }
        }
        return new Result(false, subjects, unreadable);
    }

    private static SubjectReport withOrigin(SubjectReport subject, String name, String origin) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("artifact", origin);
        subject.facts().forEach((k, v) -> {
            if (!k.equals("artifact")) {
                facts.put(k, v);
            }
        });
        return new SubjectReport(name, subject.kind(), subject.arch(), subject.results(), facts);
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
