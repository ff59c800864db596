package io.github.hotpatch.cli;

import io.github.hotpatch.diff.DiffInput;
import io.github.hotpatch.diff.DiffReport;
import io.github.hotpatch.diff.Differ;
import io.github.hotpatch.diff.Verdict;
import io.github.hotpatch.report.DiffConsoleTable;
import io.github.hotpatch.report.DiffJsonReport;
import io.github.hotpatch.report.DiffSarifReport;
import io.github.hotpatch.report.InspectOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code diff [options] BASE PATCHED}: the {@code hotpatch:diff} goal without Maven. Same {@link Differ}, same JSON
 * ({@link DiffJsonReport}) and SARIF, same console table.
 */
final class DiffCommand implements Command {

    /** The parsed command line, built at the door. */
    record Options(
            Path base,
            Path patched,
            Optional<Path> basePdb,
            Optional<Path> patchedPdb,
            Optional<Path> report,
            Optional<Path> sarif,
            boolean failUnlessCandidate) {}

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String summary() {
        return "which functions a patched build changes against its base, and whether it can ship as a hotpatch";
    }

    @Override
    public String usage() {
        return "Usage: " + Main.INVOCATION + " diff [options] BASE PATCHED\n\n"
                + "Compares the released BASE with the PATCHED build (each a DLL with its PDB found beside it,\n"
                + "or a zip holding one DLL and its PDB) as the hotpatch:diff goal does, and prints the table.\n\n"
                + "Options:\n"
                + "  --base-pdb F              the PDB of BASE (default: beside it, or its CodeView path)\n"
                + "  --patched-pdb F           the PDB of PATCHED\n"
                + "  --report F                write the JSON report (the goal's diff.json)\n"
                + "  --sarif F                 write SARIF 2.1.0 (the goal's diff.sarif)\n"
                + "  --fail-unless-candidate   exit 1 unless the verdict is HOTPATCH_CANDIDATE\n"
                + "  --help                    this text\n\n"
                + "Exit codes: 0 HOTPATCH_CANDIDATE, or reported without --fail-unless-candidate; 1\n"
                + "NOT_HOTPATCHABLE with --fail-unless-candidate; 2 unreadable input or bad usage (one line on\n"
                + "stderr names it).\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Options options = parse(args);
        DiffReport report;
        try (DiffInput base = DiffInput.of(options.base(), options.basePdb());
                DiffInput patched = DiffInput.of(options.patched(), options.patchedPdb())) {
            report = Differ.diff(base, patched);
        } catch (IOException e) {
            err.println(Main.PROGRAM + " diff: " + InspectOutput.oneLine(e.getMessage()));
            return Main.ERROR;
        }
        Path current = null;
        try {
            if (options.report().isPresent()) {
                current = options.report().get();
                try (OutputStream stream = newFile(current)) {
                    DiffJsonReport.write(report, stream);
                }
            }
            if (options.sarif().isPresent()) {
                current = options.sarif().get();
                try (OutputStream stream = newFile(current)) {
                    new DiffSarifReport(Main.version(), current.getParent()).write(report, stream);
                }
            }
        } catch (IOException e) {
            err.println(Main.PROGRAM + " diff: cannot write " + current + ": " + InspectOutput.oneLine(e.getMessage()));
            return Main.ERROR;
        }
        StringBuilder text = new StringBuilder(4096);
        for (String line : DiffConsoleTable.render(report)) {
            text.append(line).append('\n');
        }
        options.report().ifPresent(r -> text.append("Report: ").append(r).append('\n'));
        out.print(text);
        out.flush();
        if (options.failUnlessCandidate() && report.verdict() != Verdict.HOTPATCH_CANDIDATE) {
            err.println(Main.PROGRAM + " diff: " + report.verdict() + ": "
                    + String.join(
                            "; ",
                            report.reasons().stream()
                                    .map(r -> r.code() + " " + r.subject())
                                    .toList()));
            return Main.NOT_READY;
        }
        return Main.OK;
    }

    private static OutputStream newFile(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newOutputStream(file);
    }

    static Options parse(List<String> args) throws UsageException {
        Arguments parsed = Arguments.parse(
                args, Set.of("--base-pdb", "--patched-pdb", "--report", "--sarif"), Set.of("--fail-unless-candidate"));
        Path basePdb = null;
        Path patchedPdb = null;
        Path report = null;
        Path sarif = null;
        boolean failUnlessCandidate = false;
        for (Arguments.Option o : parsed.options) {
            switch (o.name()) {
                case "--fail-unless-candidate" -> failUnlessCandidate = true;
                case "--base-pdb" -> basePdb = Arguments.once(o.name(), basePdb, Arguments.path(o.name(), o.value()));
                case "--patched-pdb" ->
                    patchedPdb = Arguments.once(o.name(), patchedPdb, Arguments.path(o.name(), o.value()));
                case "--report" -> report = Arguments.once(o.name(), report, Arguments.path(o.name(), o.value()));
                default -> sarif = Arguments.once(o.name(), sarif, Arguments.path(o.name(), o.value()));
            }
        }
        if (parsed.positional.size() != 2) {
            throw new UsageException(
                    "expected BASE and PATCHED (two DLLs or zips), got " + parsed.positional.size() + " path(s)");
        }
        return new Options(
                Arguments.path("BASE", parsed.positional.get(0)),
                Arguments.path("PATCHED", parsed.positional.get(1)),
                Optional.ofNullable(basePdb),
                Optional.ofNullable(patchedPdb),
                Optional.ofNullable(report),
                Optional.ofNullable(sarif),
                failUnlessCandidate);
    }
}
