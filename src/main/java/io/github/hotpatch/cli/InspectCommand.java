package io.github.hotpatch.cli;

import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.report.InspectOutput;
import io.github.hotpatch.verify.Inspector;
import io.github.hotpatch.verify.SubjectReport;
import io.github.hotpatch.verify.UnreadableSubject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code inspect [options] PATH...}: the {@code hotpatch:inspect} goal without Maven. Same {@link Inspector}, same JSON
 * ({@link InspectOutput#writeJson}), same console table; one PATH gives exactly the goal's report.
 */
final class InspectCommand implements Command {

    /** The parsed command line: a record built at the door, enums parsed here. */
    record Options(
            List<Path> paths,
            Optional<Path> pdb,
            Optional<Arch> arch,
            Optional<Path> report,
            Optional<Path> sarif,
            Optional<Path> junit,
            boolean failOnViolation,
            int threads) {}

    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String summary() {
        return "check DLL/EXE files, directories of them, or zips (as the hotpatch:inspect goal)";
    }

    @Override
    public String usage() {
        return "Usage: " + Main.INVOCATION + " inspect [options] PATH...\n\n"
                + "Checks each PATH (a PE file, a directory of them, or a zip read in place) with the rules of\n"
                + "the hotpatch:inspect goal, each image with the PDB found beside it, and prints the table.\n\n"
                + "Options:\n"
                + "  --pdb F               the PDB of a single PATH (default: beside it, or its CodeView path)\n"
                + "  --arch ARM64|x64      the arch every image must have (default: any of them)\n"
                + "  --report F            write the JSON report (the goal's: an object for one file, an\n"
                + "                        array for a directory, a zip or several PATHs)\n"
                + "  --sarif F             write SARIF 2.1.0\n"
                + "  --junit F             write JUnit XML\n"
                + "  --fail-on-violation   exit 1 when the verdict is NOT_READY\n"
                + "  --threads N           threads reading a directory's or zip's files (default: one per\n"
                + "                        core, at most one per " + Inspector.FILES_PER_WORKER + " files)\n"
                + "  --help                this text\n\n"
                + "Exit codes: 0 ready, or reported without --fail-on-violation; 1 NOT_READY with\n"
                + "--fail-on-violation; 2 unreadable input or bad usage (one line on stderr names it).\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Options options = parse(args);
        Inspector.Result result;
        try {
            result = inspect(options);
        } catch (IOException e) {
            err.println(Main.PROGRAM + " inspect: " + InspectOutput.oneLine(e.getMessage()));
            return Main.ERROR;
        }
        Path current = null;
        try {
            if (options.report().isPresent()) {
                current = options.report().get();
                InspectOutput.writeJson(result, current);
            }
            if (options.sarif().isPresent()) {
                current = options.sarif().get();
                InspectOutput.writeSarif(result, current, Main.version(), Path.of(""));
            }
            if (options.junit().isPresent()) {
                current = options.junit().get();
                InspectOutput.writeJunit(result, current);
            }
        } catch (IOException e) {
            err.println(
                    Main.PROGRAM + " inspect: cannot write " + current + ": " + InspectOutput.oneLine(e.getMessage()));
            return Main.ERROR;
        }
        // One write for the whole table: System.out flushes at every line end otherwise.
        StringBuilder text = new StringBuilder(8192);
        appendLines(text, InspectOutput.table(result));
        appendLines(text, InspectOutput.verdicts(result));
        InspectOutput.skippedSummary(result).ifPresent(line -> text.append(line).append('\n'));
        if (options.report().isPresent()) {
            text.append("Report: ").append(options.report().get()).append('\n');
        }
        out.print(text);
        out.flush();
        if (!result.unreadable().isEmpty()) {
            for (String line : InspectOutput.unreadable(result)) {
                err.println(Main.PROGRAM + " inspect: " + line);
            }
            return Main.ERROR;
        }
        if (options.failOnViolation() && !result.ready()) {
            err.println(Main.PROGRAM + " inspect: " + InspectOutput.notReadySummary(result));
            return Main.NOT_READY;
        }
        return Main.OK;
    }

    /** One PATH: the goal's result as it is. Several: their subjects and unreadable files in PATH order. */
    static Inspector.Result inspect(Options options) throws IOException {
        Inspector inspector = new Inspector(options.threads());
        if (options.paths().size() == 1) {
            return inspector.inspect(options.paths().get(0), options.pdb(), options.arch());
        }
        List<SubjectReport> subjects = new ArrayList<>();
        List<UnreadableSubject> unreadable = new ArrayList<>();
        for (Path path : options.paths()) {
            Inspector.Result one = inspector.inspect(path, Optional.empty(), options.arch());
            subjects.addAll(one.subjects());
            unreadable.addAll(one.unreadable());
        }
        return new Inspector.Result(false, subjects, unreadable);
    }

    static Options parse(List<String> args) throws UsageException {
        Arguments parsed = Arguments.parse(
                args,
                Set.of("--pdb", "--arch", "--report", "--sarif", "--junit", "--threads"),
                Set.of("--fail-on-violation"));
        List<Path> paths = new ArrayList<>();
        for (String p : parsed.positional) {
            paths.add(Arguments.path("PATH", p));
        }
        Path pdb = null;
        Arch arch = null;
        Path report = null;
        Path sarif = null;
        Path junit = null;
        boolean failOnViolation = false;
        Integer threads = null;
        for (Arguments.Option o : parsed.options) {
            String name = o.name();
            String value = o.value();
            switch (name) {
                case "--fail-on-violation" -> failOnViolation = true;
                case "--pdb" -> pdb = Arguments.once(name, pdb, Arguments.path(name, value));
                case "--arch" -> arch = Arguments.once(name, arch, arch(value));
                case "--report" -> report = Arguments.once(name, report, Arguments.path(name, value));
                case "--sarif" -> sarif = Arguments.once(name, sarif, Arguments.path(name, value));
                case "--threads" -> threads = Arguments.once(name, threads, threads(value));
                default -> junit = Arguments.once(name, junit, Arguments.path(name, value));
            }
        }
        if (paths.isEmpty()) {
            throw new UsageException("no PATH given (a PE file, a directory or a zip)");
        }
        if (pdb != null && paths.size() > 1) {
            throw new UsageException("--pdb names the PDB of one file; give one PATH with it, not " + paths.size());
        }
        return new Options(
                List.copyOf(paths),
                Optional.ofNullable(pdb),
                Optional.ofNullable(arch),
                Optional.ofNullable(report),
                Optional.ofNullable(sarif),
                Optional.ofNullable(junit),
                failOnViolation,
                threads == null ? 0 : threads);
    }

    private static int threads(String value) throws UsageException {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > 256) {
            throw new UsageException("--threads: expected a number from 1 to 256, not " + value);
        }
        return n;
    }

    private static Arch arch(String value) throws UsageException {
        try {
            return Arch.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--arch: " + e.getMessage());
        }
    }

    /**
     * Relative paths are made absolute against the working directory, as Maven does for the goal's File parameters
     * (against the base directory), so that the reports name the same files.
     */
    private static void appendLines(StringBuilder text, List<String> lines) {
        for (String line : lines) {
            text.append(line).append('\n');
        }
    }
}
