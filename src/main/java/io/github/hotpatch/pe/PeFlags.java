package io.github.hotpatch.pe;

/** Flag bits the hotpatch checks look at (PE/COFF specification, winnt.h; FACTS §2). */
public final class PeFlags {

    private PeFlags() {}

    // COFF header Characteristics
    public static final int FILE_RELOCS_STRIPPED = 0x0001;
    public static final int FILE_EXECUTABLE_IMAGE = 0x0002;
    public static final int FILE_LARGE_ADDRESS_AWARE = 0x0020;
    public static final int FILE_DLL = 0x2000;

    // Optional header DllCharacteristics
    public static final int DLL_HIGH_ENTROPY_VA = 0x0020;
    public static final int DLL_DYNAMIC_BASE = 0x0040;
    public static final int DLL_FORCE_INTEGRITY = 0x0080;
    public static final int DLL_NX_COMPAT = 0x0100;
    public static final int DLL_GUARD_CF = 0x4000;

    // First DWORD of the IMAGE_DEBUG_TYPE_EX_DLLCHARACTERISTICS (20) debug entry
    public static final int EX_CET_COMPAT = 0x01;
    public static final int EX_CET_COMPAT_STRICT_MODE = 0x02;
    public static final int EX_CET_SET_CONTEXT_IP_VALIDATION_RELAXED_MODE = 0x04;
    public static final int EX_CET_DYNAMIC_APIS_ALLOW_IN_PROC = 0x08;
    public static final int EX_FORWARD_CFI_COMPAT = 0x40;
    /** Set by link /hotpatchcompatible; there is no hotpatch bit in the ordinary DllCharacteristics. */
    public static final int EX_HOTPATCH_COMPATIBLE = 0x80;
}
