package io.github.hotpatch.json;

/** Input that is not JSON: what was wrong and where (1-based line and column, 0-based character offset). */
public final class JsonSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final int line;
    private final int column;
    private final int offset;

    public JsonSyntaxException(String problem, int line, int column, int offset) {
        super(problem + " at line " + line + ", column " + column);
        this.problem = problem;
        this.line = line;
        this.column = column;
        this.offset = offset;
    }

    /** The message without the position. */
    public String problem() {
        return problem;
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
