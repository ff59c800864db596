package io.github.hotpatch.pdb;

/**
 * One S_GDATA32/S_LDATA32 (or S_GTHREAD32/S_LTHREAD32): a global or static variable.
 *
 * @param name      the variable name; a function-local static is named {@code function::name}
 * @param kind      the record kind (0x110D S_GDATA32, 0x110C S_LDATA32, 0x1113 S_GTHREAD32, 0x1112 S_LTHREAD32)
 * @param segment   1-based section number of the image
 * @param offset    offset in that section
 * @param typeIndex CodeView type index (below 0x1000 a built-in type, else a TPI record)
 * @param module    the module whose stream holds the record, or -1 for the global symbol record stream
 */
public record DataSymbol(String name, int kind, int segment, long offset, long typeIndex, int module) {

    public static final int S_LDATA32 = 0x110C;
    public static final int S_GDATA32 = 0x110D;
    public static final int S_LTHREAD32 = 0x1112;
    public static final int S_GTHREAD32 = 0x1113;

    public boolean global() {
        return kind == S_GDATA32 || kind == S_GTHREAD32;
    }

    public boolean threadLocal() {
        return kind == S_LTHREAD32 || kind == S_GTHREAD32;
    }

    public String kindName() {
        return switch (kind) {
            case S_LDATA32 -> "S_LDATA32";
            case S_GDATA32 -> "S_GDATA32";
            case S_LTHREAD32 -> "S_LTHREAD32";
            case S_GTHREAD32 -> "S_GTHREAD32";
            default -> String.format("0x%04X", kind);
        };
    }
}
