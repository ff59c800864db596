package io.github.hotpatch.json;

import io.github.hotpatch.format.FormatException;

/**
 * Input that is not JSON: what was wrong and where (1-based line and column, 0-based character offset). Text, not
 * a file, so {@link #file()} is {@code null}: a reader of a JSON file names the file in its own exception.
 * {@link #position()} is the character offset.
 */
public final class JsonSyntaxException extends FormatException {
    private static final long serialVersionUID = 1L;

    /** The {@link #structure()} of every syntax error. */
    public static final String STRUCTURE = "JSON text";

    private final int line;
    private final int column;
    private final int offset;

    public JsonSyntaxException(String problem, int line, int column, int offset) {
        super(problem + " at line " + line + ", column " + column, null, STRUCTURE, offset, problem, null);
        this.line = line;
        this.column = column;
        this.offset = offset;
    }

    /** The message without the position: {@link #detail()}. */
    public String problem() {
        return detail();
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public int offset() {
        return offset;
    }
}
