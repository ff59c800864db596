package io.github.hotpatch.cli;

/** Bad usage of the command line, as one line naming the option or argument (exit code 2). */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
