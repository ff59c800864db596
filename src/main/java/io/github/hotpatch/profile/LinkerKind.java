package io.github.hotpatch.profile;

/** Which linker a variant links with: the hotpatch profile depends on it. */
public enum LinkerKind {
    /** Microsoft link.exe (Visual Studio generator on Windows). */
    MSVC,
    /** LLVM lld-link (the cross toolchain this plugin generates on Linux). */
    LLD
}
