package io.github.hotpatch.pe;

/** IMAGE_DEBUG_TYPE_* values (PE/COFF specification, winnt.h; FACTS §2). */
public final class DebugType {

    private DebugType() {}

    public static final int UNKNOWN = 0;
    public static final int COFF = 1;
    public static final int CODEVIEW = 2;
    public static final int FPO = 3;
    public static final int MISC = 4;
    public static final int EXCEPTION = 5;
    public static final int FIXUP = 6;
    public static final int OMAP_TO_SRC = 7;
    public static final int OMAP_FROM_SRC = 8;
    public static final int BORLAND = 9;
    public static final int RESERVED10 = 10;
    public static final int CLSID = 11;
    public static final int VC_FEATURE = 12;
    public static final int POGO = 13;
    public static final int ILTCG = 14;
    public static final int MPX = 15;
    public static final int REPRO = 16;
    public static final int EMBEDDED_PORTABLE_PDB = 17;
    public static final int SPGO = 18;
    public static final int PDBCHECKSUM = 19;
    public static final int EX_DLLCHARACTERISTICS = 20;

    /** The winnt.h suffix (e.g. "CODEVIEW", "EX_DLLCHARACTERISTICS"), or "UNKNOWN(0x..)". */
    public static String nameOf(int type) {
        return switch (type) {
            case UNKNOWN -> "UNKNOWN";
            case COFF -> "COFF";
            case CODEVIEW -> "CODEVIEW";
            case FPO -> "FPO";
            case MISC -> "MISC";
            case EXCEPTION -> "EXCEPTION";
            case FIXUP -> "FIXUP";
            case OMAP_TO_SRC -> "OMAP_TO_SRC";
            case OMAP_FROM_SRC -> "OMAP_FROM_SRC";
            case BORLAND -> "BORLAND";
            case RESERVED10 -> "RESERVED10";
            case CLSID -> "CLSID";
            case VC_FEATURE -> "VC_FEATURE";
            case POGO -> "POGO";
            case ILTCG -> "ILTCG";
            case MPX -> "MPX";
            case REPRO -> "REPRO";
            case EMBEDDED_PORTABLE_PDB -> "EMBEDDED_PORTABLE_PDB";
            case SPGO -> "SPGO";
            case PDBCHECKSUM -> "PDBCHECKSUM";
            case EX_DLLCHARACTERISTICS -> "EX_DLLCHARACTERISTICS";
            default -> "UNKNOWN(" + Hex.u32(type) + ")";
        };
    }
}
