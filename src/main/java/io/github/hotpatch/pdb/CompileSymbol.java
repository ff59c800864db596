package io.github.hotpatch.pdb;

/**
 * An S_COMPILE3 record. In the "* Linker *" module it describes the linker rather than a compiler: lld-link writes
 * the name "LLVM Linker" and MSVC's link.exe "Microsoft (R) LINK", with the linker version as backend version.
 *
 * @param flags           raw flags; low byte = source language (7 = link)
 * @param machine         CV_CPU_TYPE (0xF6 ARM64, 0xD0 x64)
 * @param frontendVersion front-end version
 * @param backendVersion  back-end version; the linker's version in the linker module
 * @param name            the tool's name string
 */
public record CompileSymbol(
        long flags, int machine, ToolVersion frontendVersion, ToolVersion backendVersion, String name) {

    public static final int KIND = 0x113C;

    /** CV_CFL_LINK: the record was written by a linker. */
    public static final int LANGUAGE_LINK = 7;

    /** Compiler-side flag: the object was compiled hotpatchable ({@code /hotpatch}). */
    public static final long FLAG_HOT_PATCH = 0x4000;

    public int language() {
        return (int) (flags & 0xFF);
    }

    public boolean hotPatch() {
        return (flags & FLAG_HOT_PATCH) != 0;
    }
}
