package io.github.hotpatch.pe;

/**
 * One decoded comp.id of the Rich header: the tool (product id, high 16 bits), its build number (low 16
 * bits) and how many objects that tool produced (or, for {@link #IMPORT}, imported symbols).
 */
public record RichEntry(int productId, int build, long count) {

    /** Unmarked objects (produced by tools that write no comp.id). */
    public static final int UNMARKED = 0x0000;

    public static final int IMPORT = 0x0001;
    /** prodidLinker1400: link.exe of Visual Studio 2015 and later (14.x). */
    public static final int LINKER_14 = 0x0102;

    /** Names of the Visual Studio 2015+ (14.x) product ids; others are reported by number. */
    public String productName() {
        return switch (productId) {
            case UNMARKED -> "Unmarked objects";
            case IMPORT -> "Imports";
            case 0x00FD -> "AliasObj 14.x";
            case 0x00FE -> "Cvtpgd 14.x";
            case 0x00FF -> "Cvtres 14.x";
            case 0x0100 -> "Export 14.x";
            case 0x0101 -> "Implib 14.x";
            case LINKER_14 -> "Linker 14.x";
            case 0x0103 -> "MASM 14.x";
            case 0x0104 -> "C compiler 19.x";
            case 0x0105 -> "C++ compiler 19.x";
            case 0x0106 -> "C compiler 19.x (CVTCIL)";
            case 0x0107 -> "C++ compiler 19.x (CVTCIL)";
            case 0x0108 -> "C compiler 19.x (LTCG)";
            case 0x0109 -> "C++ compiler 19.x (LTCG)";
            case 0x010A -> "MSIL 19.x (LTCG)";
            case 0x010B -> "C compiler 19.x (POGO instrument)";
            case 0x010C -> "C++ compiler 19.x (POGO instrument)";
            case 0x010D -> "C compiler 19.x (POGO optimize)";
            case 0x010E -> "C++ compiler 19.x (POGO optimize)";
            default -> String.format("prodid 0x%04X", productId);
        };
    }

    @Override
    public String toString() {
        return productName() + " build " + build + " x" + count;
    }
}
