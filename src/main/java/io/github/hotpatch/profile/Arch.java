package io.github.hotpatch.profile;

import java.util.Locale;

/** The Windows architectures a variant can target. */
public enum Arch {
    ARM64("ARM64", "aarch64-pc-windows-msvc", "ARM64", 0xAA64),
    X64("x64", "x86_64-pc-windows-msvc", "AMD64", 0x8664);

    /** The Visual Studio / MSBuild platform name ({@code -A}, {@code /p:Platform}). */
    public final String platform;
    /** The LLVM target triple for a cross build. */
    public final String llvmTriple;
    /** {@code CMAKE_SYSTEM_PROCESSOR} in a cross toolchain. */
    public final String cmakeProcessor;
    /** The PE/COFF machine field value of images built for it. */
    public final int peMachine;

    Arch(String platform, String llvmTriple, String cmakeProcessor, int peMachine) {
        this.platform = platform;
        this.llvmTriple = llvmTriple;
        this.cmakeProcessor = cmakeProcessor;
        this.peMachine = peMachine;
    }

    /** Accepts ARM64 / arm64 / x64 / X64 / AMD64 (as msquic's build.ps1 and VS spell them). */
    public static Arch parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        switch (t) {
            case "ARM64":
                return ARM64;
            case "X64":
            case "AMD64":
            case "X86_64":
                return X64;
            default:
                throw new IllegalArgumentException("unknown arch '" + text + "': expected ARM64 or x64");
        }
    }

    @Override
    public String toString() {
        return platform;
    }
}
