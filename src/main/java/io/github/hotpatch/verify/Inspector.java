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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The inspect goal's work: one binary, every binary under a directory, or every binary inside a zip; or a
 * hand-written .vcxproj, or every .vcxproj under a directory that holds no PE file (a directory with binaries is
 * inspected for its binaries, as before, so a CMake build tree's generated projects are not judged as hand-written).
 */
public final class Inspector {

    private final int threads;

    /** Reads a directory's or zip's files on one thread per core (see {@link #workers}). */
    public Inspector() {
        this(0);
    }

    /** @param threads how many threads read a directory's or zip's files; 0 = one per core, 1 = this thread only */
    public Inspector(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative, not " + threads);
        }
        this.threads = threads;
    }

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
        ArtifactScanner.Scan scan = ArtifactScanner.scan(root);
        List<Path> files = scan.candidates();
        if (files.isEmpty()) {
            throw new IOException(label + ": no PE files (files starting with MZ) found; "
                    + scan.skipped().size() + " other file(s) skipped");
        }
        Object[] outcomes = new Object[files.size()];
        int workers = workers(threads, files.size());
        if (workers <= 1) {
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] = one(root, files.get(i), arch, label);
            }
        } else {
            readInParallel(root, files, arch, label, outcomes, workers);
        }
        List<SubjectReport> subjects = new ArrayList<>();
        List<UnreadableSubject> unreadable = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof SubjectReport subject) {
                subjects.add(subject);
            } else {
                unreadable.add((UnreadableSubject) outcome);
            }
        }
        boolean zip = label.endsWith("!");
        List<SkippedFile> skipped = new ArrayList<>();
        for (ArtifactScanner.Skipped s : scan.skipped()) {
            String name = root.relativize(s.file()).toString();
            skipped.add(new SkippedFile(zip ? label + "/" + name : s.file().toString(), s.reason()));
        }
        return new Result(false, subjects, unreadable, skipped);
    }

    /** One file's subject, or its unreadable entry: one damaged file does not stop the rest of the artifact. */
    private static Object one(Path root, Path file, Optional<Arch> arch, String label) {
        String name = root.relativize(file).toString();
        try {
            BinaryEvidence evidence = BinaryEvidence.collect(file, Optional.empty());
            SubjectReport subject = BinaryInspection.inspect(name, evidence, arch, Optional.empty());
            return label.endsWith("!") ? inZip(subject, label + "/" + name) : subject;
        } catch (IOException e) {
            return new UnreadableSubject(
                    label.endsWith("!") ? label + "/" + name : file.toString(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /**
     * How many threads read a directory's files: {@code threads} when set, else one per core but no more than one per
     * {@value #FILES_PER_WORKER} files (a thread and its warm-up cost more than a few small files take).
     */
    static int workers(int threads, int files) {
        int wanted = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(wanted, threads > 0 ? files : files / FILES_PER_WORKER));
    }

    public static final int FILES_PER_WORKER = 8;

    /** Files taken in order from a shared counter by this thread and {@code workers - 1} others; slots keep the order. */
    private static void readInParallel(
            Path root, List<Path> files, Optional<Arch> arch, String label, Object[] outcomes, int workers)
            throws IOException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> crash = new AtomicReference<>();
        Runnable work = () -> {
            try {
                for (int i = next.getAndIncrement();
                        i < outcomes.length && crash.get() == null;
                        i = next.getAndIncrement()) {
                    outcomes[i] = one(root, files.get(i), arch, label);
                }
            } catch (RuntimeException | Error e) {
                crash.compareAndSet(null, e);
            }
        };
        Thread[] helpers = new Thread[workers - 1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(work, "hotpatch-inspect-" + (t + 1));
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
        work.run();
        try {
            for (Thread helper : helpers) {
                helper.join();
            }
        } catch (InterruptedException e) {
            crash.compareAndSet(null, e);
            for (Thread helper : helpers) {
                helper.interrupt();
            }
            Thread.currentThread().interrupt();
        }
        Throwable failed = crash.get();
        if (failed instanceof RuntimeException r) {
            throw r;
        }
        if (failed instanceof Error err) {
            throw err;
        }
        if (failed != null) {
            throw new IOException(label + ": interrupted while reading", failed);
        }
    }
}
