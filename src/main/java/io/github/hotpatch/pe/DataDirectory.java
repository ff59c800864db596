package io.github.hotpatch.pe;

import java.util.List;

/** One of the 16 optional-header data directories; those past NumberOfRvaAndSizes are reported as 0/0. */
public record DataDirectory(int index, long rva, long size) {

    public static final int COUNT = 16;
    public static final int EXPORT = 0;
    public static final int IMPORT = 1;
    public static final int RESOURCE = 2;
    public static final int EXCEPTION = 3;
    public static final int CERTIFICATE = 4;
    public static final int BASE_RELOCATION = 5;
    public static final int DEBUG = 6;
    public static final int ARCHITECTURE = 7;
    public static final int GLOBAL_PTR = 8;
    public static final int TLS = 9;
    public static final int LOAD_CONFIG = 10;
    public static final int BOUND_IMPORT = 11;
    public static final int IAT = 12;
    public static final int DELAY_IMPORT = 13;
    public static final int CLR_RUNTIME_HEADER = 14;
    public static final int RESERVED = 15;

    private static final List<String> NAMES = List.of(
            "Export",
            "Import",
            "Resource",
            "Exception",
            "Certificate",
            "BaseRelocation",
            "Debug",
            "Architecture",
            "GlobalPtr",
            "TLS",
            "LoadConfig",
            "BoundImport",
            "IAT",
            "DelayImport",
            "CLRRuntimeHeader",
            "Reserved");

    public static String nameOf(int index) {
        return index >= 0 && index < NAMES.size() ? NAMES.get(index) : "#" + index;
    }

    public String name() {
        return nameOf(index);
    }

    /** Both RVA and size non-zero: the linker wrote this directory. */
    public boolean isPresent() {
        return rva != 0 && size != 0;
    }

    @Override
    public String toString() {
        return name() + "[rva=" + Hex.of(rva) + ", size=" + Hex.of(size) + "]";
    }
}
