package io.github.hotpatch.pdb;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the linker recorded about itself in the "* Linker *" module's symbol stream: its S_COMPILE3 (name and version)
 * and its S_ENVBLOCK (cwd, exe, pdb, cmd). The {@code cmd} entry is the link command line, the only place the PDB
 * keeps the linker flags. Reading stops as soon as both records are found.
 *
 * @param module      the linker module's DBI record
 * @param compile     its S_COMPILE3, if present
 * @param environment S_ENVBLOCK key/value pairs in file order; empty if there is no S_ENVBLOCK
 */
public record LinkerModuleSymbols(DbiModule module, Optional<CompileSymbol> compile, Map<String, String> environment) {

    public static final int S_ENVBLOCK = 0x113D;

    /** Module symbol streams start with CV_SIGNATURE_C13; no other value is produced by current tools. */
    static final long SIGNATURE_C13 = 4;

    public LinkerModuleSymbols {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** The {@code cmd} entry of S_ENVBLOCK: the linker's command line (without the linker's own path). */
    public Optional<String> commandLine() {
        return Optional.ofNullable(environment.get("cmd"));
    }

    static LinkerModuleSymbols read(MsfReader msf, DbiModule module) throws IOException {
        if (module.symbolStream().isEmpty() || module.symbolByteSize() == 0) {
            return new LinkerModuleSymbols(module, Optional.empty(), Map.of());
        }
        int streamNumber = module.symbolStream().getAsInt();
        String name = "stream " + streamNumber + " (module " + module.index() + " " + module.moduleName() + ")";
        // Only the symbol substream is read: the C11/C13 line info and global refs after it are not needed.
        MsfStream stream = msf.open(streamNumber, name, module.symbolByteSize());
        StreamCursor in = StreamCursor.over(stream, "linker module symbols");
        long signature = in.u32("module stream signature");
        if (signature != SIGNATURE_C13) {
            throw in.fail(
                    0,
                    "module stream signature is " + signature + ", expected " + SIGNATURE_C13 + " (CV_SIGNATURE_C13)");
        }
        CompileSymbol compile = null;
        Map<String, String> environment = null;
        while (in.remaining() > 0 && (compile == null || environment == null)) {
            long at = in.position();
            int length = in.u16("symbol record length");
            if (length < 2) {
                throw in.fail(at, "symbol record length is " + length + ", expected at least 2 (the record kind)");
            }
            StreamCursor record = in.window(in.position(), length, "symbol record at offset " + at);
            in.skip(length, "symbol record at offset " + at);
            int kind = record.u16("symbol record kind");
            if (kind == CompileSymbol.KIND && compile == null) {
                compile = readCompile3(record);
            } else if (kind == S_ENVBLOCK && environment == null) {
                environment = readEnvironment(record);
            }
        }
        return new LinkerModuleSymbols(
                module, Optional.ofNullable(compile), environment == null ? Map.of() : environment);
    }

    private static CompileSymbol readCompile3(StreamCursor in) throws IOException {
        long flags = in.u32("S_COMPILE3 flags");
        int machine = in.u16("S_COMPILE3 machine");
        ToolVersion frontend = new ToolVersion(
                in.u16("S_COMPILE3 frontend major"),
                in.u16("S_COMPILE3 frontend minor"),
                in.u16("S_COMPILE3 frontend build"),
                in.u16("S_COMPILE3 frontend QFE"));
        ToolVersion backend = new ToolVersion(
                in.u16("S_COMPILE3 backend major"),
                in.u16("S_COMPILE3 backend minor"),
                in.u16("S_COMPILE3 backend build"),
                in.u16("S_COMPILE3 backend QFE"));
        String name = in.cString("S_COMPILE3 version string");
        return new CompileSymbol(flags, machine, frontend, backend, name);
    }

    /** One reserved byte, then NUL-terminated strings alternating key and value, ended by an empty string. */
    private static Map<String, String> readEnvironment(StreamCursor in) throws IOException {
        in.skip(1, "S_ENVBLOCK reserved byte");
        Map<String, String> environment = new LinkedHashMap<>();
        while (in.remaining() > 0) {
            long at = in.position();
            String key = in.cString("S_ENVBLOCK key");
            if (key.isEmpty()) {
                break;
            }
            if (in.remaining() == 0) {
                throw in.fail(at, "S_ENVBLOCK key \"" + key + "\" has no value before the end of the record");
            }
            environment.putIfAbsent(key, in.cString("S_ENVBLOCK value of \"" + key + "\""));
        }
        return environment;
    }
}
